package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"time"

	"github.com/interactly/terraform-provider-interactly/internal/emulator"
)

// shutdownGrace is how long in-flight requests may take to finish after a
// signal; a request held by a hang fault would otherwise block forever.
const shutdownGrace = 3 * time.Second

// run serves the emulator until ctx ends, then shuts down gracefully.
func run(ctx context.Context, cfg config, stdout io.Writer) error {
	seed, err := cfg.seed()
	if err != nil {
		return err
	}
	srv := emulator.New(emulator.Options{
		APIKey:    cfg.apiKey,
		TeamKeys:  cfg.teamKeys,
		Seed:      seed,
		Latency:   cfg.latency,
		RateLimit: cfg.rateLimit,
		Profile:   cfg.profile,

		EchoAuthorization: cfg.echoAuth,
		RateLimitShape:    cfg.rateLimitShape,

		KnowledgeBaseTrainingTime: cfg.kbTrainingTime,
		KnowledgeBaseCreateAnswer: cfg.kbCreateAnswer,
	})
	for _, f := range cfg.faults {
		srv.AddFault(f)
	}

	ln, err := net.Listen("tcp", cfg.addr)
	if err != nil {
		return err
	}
	baseURL := "http://" + ln.Addr().String()
	if cfg.addrFile != "" {
		if err := writeAddrFile(cfg.addrFile, baseURL); err != nil {
			ln.Close()
			return err
		}
		// A stale file would point scripts at a dead port.
		defer os.Remove(cfg.addrFile)
	}

	httpSrv := &http.Server{Handler: srv, ReadHeaderTimeout: 10 * time.Second}
	served := make(chan error, 1)
	go func() { served <- httpSrv.Serve(ln) }()
	fmt.Fprintf(stdout, "interactly emulator listening on %s (%d numbers)\n", baseURL, len(seed.Numbers))

	select {
	case err := <-served:
		return err
	case <-ctx.Done():
	}
	shutdownCtx, cancel := context.WithTimeout(context.Background(), shutdownGrace)
	defer cancel()
	if err := httpSrv.Shutdown(shutdownCtx); err != nil {
		// Closing the connections cancels the requests still running.
		httpSrv.Close()
	}
	if err := <-served; !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

// writeAddrFile writes the base URL, without a newline, through a rename so
// that a script polling for the file never reads it half-written.
func writeAddrFile(path, baseURL string) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), ".addr-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name()) // after a successful rename, a no-op
	if _, err := tmp.WriteString(baseURL); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}
