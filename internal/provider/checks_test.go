package provider

import (
	"fmt"
	"net/http"
	"regexp"
	"strings"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/interactly/terraform-provider-interactly/internal/emulator"
)

// want is what a test expects the emulator to hold for a number.
type want struct {
	assistant         string
	inbound, outbound bool
}

func (w want) check(n emulator.Number) error {
	got := want{n.AssistantID, n.InboundEnabled, n.OutboundEnabled}
	if got != w {
		return fmt.Errorf("number %s in the API is %+v, want %+v", n.Number, got, w)
	}
	return nil
}

// expectAPI checks what the emulator holds for a number after a step.
func (e *testEmulator) expectAPI(id string, w want) resource.TestCheckFunc {
	return func(*terraform.State) error {
		n, ok := e.GetNumber(id)
		if !ok {
			return fmt.Errorf("the emulator has no number %s", id)
		}
		return w.check(n)
	}
}

// expectPUTs checks how many updates reached the emulator.
func (e *testEmulator) expectPUTs(count int) resource.TestCheckFunc {
	return func(*terraform.State) error {
		if got := e.Counts()[routeUpdate]; got != count {
			return fmt.Errorf("%s requests = %d, want %d (all counts: %v)", routeUpdate, got, count, e.Counts())
		}
		return nil
	}
}

// expectFaultHits checks that the one fault added to the emulator answered
// exactly times requests.
func (e *testEmulator) expectFaultHits(times int) resource.TestCheckFunc {
	return func(*terraform.State) error {
		if faults := e.Faults(); len(faults) != 1 || faults[0].Hits != times {
			return fmt.Errorf("the faults answered as %+v, want one fault answering %d requests: the path it should exercise was not taken", faults, times)
		}
		return nil
	}
}

// expectRefusals checks that the emulator's rate limit refused at least one
// request.
func (e *testEmulator) expectRefusals() resource.TestCheckFunc {
	return func(*terraform.State) error {
		if e.StatusCounts()[http.StatusTooManyRequests] == 0 {
			return fmt.Errorf("the API refused no request (answers by status: %v): the rate limit was never met", e.StatusCounts())
		}
		return nil
	}
}

// checkReported checks an optional attribute the API holds as value: set
// to it, or absent where the profile's answers leave the field out.
func (e *testEmulator) checkReported(address, attribute, value string) resource.TestCheckFunc {
	if !e.reportsOptionalFields() {
		return resource.TestCheckNoResourceAttr(address, attribute)
	}
	return resource.TestCheckResourceAttr(address, attribute, value)
}

// reportedValue is check where the API reports optional fields, and null
// where the profile's answers leave them out.
func reportedValue(e *testEmulator, check knownvalue.Check) knownvalue.Check {
	if !e.reportsOptionalFields() {
		return knownvalue.Null()
	}
	return check
}

const (
	routeList   = "GET /assistants/v1/numbers"
	routeUpdate = "PUT /assistants/v1/numbers/{id}"
)

// expectState checks attributes of a resource or data source in state; a nil
// value means null.
func expectState(address string, values map[string]any) []statecheck.StateCheck {
	var checks []statecheck.StateCheck
	for attr, v := range values {
		var check knownvalue.Check
		switch v := v.(type) {
		case nil:
			check = knownvalue.Null()
		case string:
			check = knownvalue.StringExact(v)
		case bool:
			check = knownvalue.Bool(v)
		case knownvalue.Check:
			check = v
		default:
			panic(fmt.Sprintf("expectState: unsupported value %T", v))
		}
		checks = append(checks, statecheck.ExpectKnownValue(address, tfjsonpath.New(attr), check))
	}
	return checks
}

// expectNotInState checks that state holds no resource at address.
func expectNotInState(address string) resource.TestCheckFunc {
	return func(s *terraform.State) error {
		if _, ok := s.RootModule().Resources[address]; ok {
			return fmt.Errorf("%s is still in state", address)
		}
		return nil
	}
}

// errorMatching compiles an expected error pattern in which every space
// matches any run of white space, because Terraform wraps long diagnostics.
func errorMatching(pattern string) *regexp.Regexp {
	return regexp.MustCompile(`(?s)` + strings.ReplaceAll(pattern, " ", `\s+`))
}
