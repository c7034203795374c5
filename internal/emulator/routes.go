package emulator

import "strings"

// apiRoute is one documented route of the API.
type apiRoute struct {
	method, path string
}

// pattern is the route's http.ServeMux pattern, which is also its key in
// the counts.
func (rt apiRoute) pattern() string { return rt.method + " " + rt.path }

// The documented routes. POST purchase and POST {provider} overlap; the mux
// routes "purchase" to the more specific pattern, as the real API must.
var (
	listRoute     = apiRoute{"GET", "/assistants/v1/numbers"}
	updateRoute   = apiRoute{"PUT", "/assistants/v1/numbers/{id}"}
	purchaseRoute = apiRoute{"POST", "/assistants/v1/numbers/purchase"}
	importRoute   = apiRoute{"POST", "/assistants/v1/numbers/{provider}"}

	apiRoutes = []apiRoute{listRoute, updateRoute, purchaseRoute, importRoute, getAssistantRoute, patchAssistantRoute,
		uploadFileRoute, deleteFileRoute, createKBRoute, getKBRoute, putKBRoute, getKBStatusRoute}
)

// routePatterns lists the API routes for error messages.
func routePatterns() string {
	patterns := make([]string, len(apiRoutes))
	for i, rt := range apiRoutes {
		patterns[i] = rt.pattern()
	}
	return strings.Join(patterns, ", ")
}
