package interactly

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"syscall"
)

// hostResolver looks a host name up; *net.Resolver is one.
type hostResolver interface {
	LookupNetIP(ctx context.Context, network, host string) ([]netip.Addr, error)
}

// NonLoopbackError is a plain-http connection refused because the address
// it would reach is not loopback: the API key travels in clear text over
// http, so only this machine may receive it. ParseBaseURL already refuses
// hosts that do not name this machine; this catches a name that a resolver
// sends elsewhere (anything.localhost mapped to another host) and a proxy
// that is not local.
type NonLoopbackError struct {
	Host    string // as dialled: the base URL's host, or a proxy's
	Address string // where it resolved
}

// NeverSent tells the transport that the request did not leave this machine.
func (e *NonLoopbackError) NeverSent() bool { return true }

func (e *NonLoopbackError) Error() string {
	return fmt.Sprintf("refused to send the API key over plain http to %s: it resolves to %s, which is not a loopback address, "+
		"so the key would cross the network unencrypted; use an https:// base URL, or make the name resolve to 127.0.0.1 or ::1 "+
		"(and unset HTTP_PROXY for it)", e.Host, e.Address)
}

// loopbackOnly makes rt, a transport for a plain http base URL, dial
// loopback addresses only: it resolves the name itself, refuses it when any
// address it resolves to is not loopback, and dials the addresses it
// checked; the dialer's Control checks the address once more at the socket.
// An https base URL keeps rt as it is.
func loopbackOnly(rt http.RoundTripper, base *url.URL, resolver hostResolver) http.RoundTripper {
	t, ok := rt.(*http.Transport)
	if !ok || base.Scheme != "http" {
		return rt
	}
	if resolver == nil {
		resolver = net.DefaultResolver
	}
	dialer := &net.Dialer{Control: requireLoopback}
	t.DialContext = func(ctx context.Context, network, address string) (net.Conn, error) {
		host, port, err := net.SplitHostPort(address)
		if err != nil {
			return nil, err
		}
		addrs, err := resolveLoopback(ctx, resolver, host)
		if err != nil {
			return nil, err
		}
		var lastErr error
		for _, addr := range addrs {
			conn, err := dialer.DialContext(ctx, network, net.JoinHostPort(addr.String(), port))
			if err == nil {
				return conn, nil
			}
			lastErr = err
		}
		return nil, lastErr
	}
	return t
}

// resolveLoopback returns host's addresses, failing unless every one of
// them is loopback.
func resolveLoopback(ctx context.Context, resolver hostResolver, host string) ([]netip.Addr, error) {
	if ip, err := netip.ParseAddr(host); err == nil {
		if !ip.IsLoopback() {
			return nil, &NonLoopbackError{Host: host, Address: ip.String()}
		}
		return []netip.Addr{ip}, nil
	}
	addrs, err := resolver.LookupNetIP(ctx, "ip", host)
	if err != nil {
		return nil, err
	}
	for _, addr := range addrs {
		if !addr.Unmap().IsLoopback() {
			return nil, &NonLoopbackError{Host: host, Address: addr.String()}
		}
	}
	if len(addrs) == 0 {
		return nil, fmt.Errorf("%s resolves to no address", host)
	}
	return addrs, nil
}

// requireLoopback is a net.Dialer Control: the last check, on the address
// the socket is about to connect to.
func requireLoopback(_, address string, _ syscall.RawConn) error {
	host, _, err := net.SplitHostPort(address)
	if err != nil {
		return err
	}
	ip, err := netip.ParseAddr(host)
	if err != nil || !ip.Unmap().IsLoopback() {
		return &NonLoopbackError{Host: host, Address: host}
	}
	return nil
}
