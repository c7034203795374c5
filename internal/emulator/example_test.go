package emulator_test

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"

	"github.com/interactly/terraform-provider-interactly/internal/emulator"
)

// A test starts the emulator in-process, makes the first update fail, and
// checks how many calls reached it.
func Example() {
	srv := emulator.New(emulator.Options{APIKey: "test-key", Seed: emulator.GenerateSeed(2)})
	srv.AddFault(emulator.Fault{Method: "PUT", Route: "/assistants/v1/numbers/{id}", Status: 503, Times: 1, RetryAfter: "1"})
	ts := httptest.NewServer(srv)
	defer ts.Close()

	id := srv.Numbers()[1].ID
	for range 2 {
		req, _ := http.NewRequest("PUT", ts.URL+"/assistants/v1/numbers/"+id, strings.NewReader(`{"assistantId": "asst-2"}`))
		req.Header.Set("Authorization", "Bearer test-key")
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			panic(err)
		}
		res.Body.Close()
		fmt.Printf("%s, Retry-After %q\n", res.Status, res.Header.Get("Retry-After"))
	}
	n, _ := srv.GetNumber(id)
	fmt.Println(n.AssistantID, srv.Counts())
	// Output:
	// 503 Service Unavailable, Retry-After "1"
	// 200 OK, Retry-After ""
	// asst-2 map[PUT /assistants/v1/numbers/{id}:2]
}
