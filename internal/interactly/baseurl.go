package interactly

import (
	"fmt"
	"net"
	"net/url"
	"strings"
)

// ParseBaseURL checks an API base URL. Plain http is refused unless the host
// is a loopback address (localhost, 127.0.0.0/8, ::1), because every request
// carries the API key as a bearer token and must not cross a network in clear
// text; the local emulator is the intended http use.
func ParseBaseURL(raw string) (*url.URL, error) {
	if !strings.Contains(raw, "://") {
		return nil, missingScheme(raw)
	}
	u, err := url.Parse(raw)
	if err != nil {
		return nil, fmt.Errorf("base URL %q is not a valid URL: %w", raw, err)
	}
	if u.Host == "" {
		return nil, fmt.Errorf("base URL %q has no host; expected a form like %s", raw, DefaultBaseURL)
	}
	if u.User != nil || u.RawQuery != "" || u.Fragment != "" {
		return nil, fmt.Errorf("base URL %q must not contain credentials, a query or a fragment", u.Redacted())
	}
	switch u.Scheme {
	case "https":
		return u, nil
	case "http":
		if IsLoopbackHost(u.Hostname()) {
			return u, nil
		}
		return nil, fmt.Errorf("base URL %q uses plain http to a host that is not loopback: the API key would cross the network unencrypted; use https, or http only with localhost, 127.0.0.1 or ::1 (such as the local emulator)", raw)
	default:
		return nil, fmt.Errorf("base URL %q must start with https:// (or http:// for a loopback host)", raw)
	}
}

// IsLoopbackHost reports whether host names this machine: "localhost" (and
// its subdomains, which resolve to loopback by RFC 6761) or a loopback IP.
func IsLoopbackHost(host string) bool {
	host = strings.TrimSuffix(strings.ToLower(host), ".")
	if host == "localhost" || strings.HasSuffix(host, ".localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// missingScheme explains a base URL written without its scheme, such as
// "127.0.0.1:8080", which Go's URL parser would report as "first path
// segment in URL cannot contain colon". It suggests http:// for a loopback
// host (the emulator) and https:// for any other.
func missingScheme(raw string) error {
	host, _, _ := strings.Cut(raw, "/")
	name := host
	if h, _, err := net.SplitHostPort(host); err == nil {
		name = h
	}
	if name != "" && IsLoopbackHost(strings.Trim(name, "[]")) {
		return fmt.Errorf("base URL %q has no scheme: add http:// in front for a local emulator, as in %q, or https://", raw, "http://"+raw)
	}
	return fmt.Errorf("base URL %q has no scheme: add https:// in front, as in %q", raw, "https://"+raw)
}
