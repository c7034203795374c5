// Command interactly-emulator serves an in-memory emulator of the Interactly
// API (phone numbers and assistants) on a loopback address, so that Terraform configurations
// using the interactly provider can be planned and applied offline.
//
// Point the provider at the printed base URL and use the same API key.
// Run it with -h for the flags.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	cfg, err := parseFlags(os.Args[1:], os.Getenv, os.Stderr)
	if errors.Is(err, flag.ErrHelp) {
		return
	}
	if err != nil {
		fmt.Fprintf(os.Stderr, "interactly-emulator: %v\nRun interactly-emulator -h for usage.\n", err)
		os.Exit(2)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err = run(ctx, cfg, os.Stdout)
	stop()
	if err != nil {
		fmt.Fprintf(os.Stderr, "interactly-emulator: %v\n", err)
		os.Exit(1)
	}
}
