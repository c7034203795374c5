package interactly

import (
	"net/http"

	"github.com/hashicorp/go-cleanhttp"
)

// newPooledTransport keeps connections alive between requests: a refresh of a
// thousand numbers reuses a handful of connections instead of opening one per
// request. Terraform's default parallelism is 10; leave head room above it.
func newPooledTransport() http.RoundTripper {
	t := cleanhttp.DefaultPooledTransport()
	t.MaxIdleConnsPerHost = 32
	return t
}
