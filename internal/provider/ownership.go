package provider

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"sort"
	"strings"
	"sync"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// One number (or assistant) has one owner: two resources that adopt the
// same one would each move it back to what they configure on every apply,
// and never converge. The provider is never told a resource's address, so
// it tells resources apart by a token it keeps in each resource's private
// state:
//
//   - Every plan of a resource carries a token in its planned private
//     state, the one its prior private state had, or a new one.
//   - Terraform plans a replacement twice: first with the prior state,
//     then without it, but with the private state the first plan
//     returned, so both plans carry one token. A tainted object is planned
//     once, without prior or private state; an import, and a resource
//     moved by a moved block, once, with their prior state.
//   - Two resources never share a token: a copied block, a key used twice
//     in for_each, two import blocks, each has its own plan and so its own
//     token.
//
// The first plan that adopts an object claims it for its token; a plan
// with another token fails, saying what each of the two would set. What
// one provider process cannot see (two workspaces, two provider aliases,
// which Terraform serves from separate processes) is said in the resource
// pages and the adoption guide.

// ownerTokenKey is the private state key of the token.
const ownerTokenKey = "owner"

// ownedKind describes one resource type whose objects have one owner.
type ownedKind struct {
	typeName string // for messages
	noun     string // "number", "assistant"
	key      string // the attribute that names the object adopted
	// shown are the attributes whose configured values the error shows;
	// nil shows every configured, non-sensitive setting.
	shown []string
}

var (
	numberOwnership    = ownedKind{typeName: "interactly_number", noun: "number", key: "number", shown: []string{"assistant_id", "inbound_enabled", "outbound_enabled"}}
	assistantOwnership = ownedKind{typeName: "interactly_assistant", noun: "assistant", key: attrAssistantID}
)

// owners records, for one provider configuration, which resource (by its
// token) adopts each object.
type owners struct {
	mu     sync.Mutex
	claims map[string]ownerClaim // kind.noun + "/" + key value
}

type ownerClaim struct {
	token string
	sets  string // what the claiming resource configures, for the error
}

func newOwners() *owners { return &owners{claims: map[string]ownerClaim{}} }

// claimOwner is called from a resource's ModifyPlan. It records the plan's
// claim on the object it adopts, and fails the plan when another resource
// claimed it first.
func claimOwner(ctx context.Context, data *providerData, kind ownedKind, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if data == nil || data.owners == nil || req.Plan.Raw.IsNull() {
		return // not configured yet (validation), or a destroy
	}
	var key types.String
	if diags := req.Plan.GetAttribute(ctx, path.Root(kind.key), &key); diags.HasError() || key.IsNull() || key.IsUnknown() {
		return // known only after another resource's apply: nothing to compare yet
	}
	token := ownerToken(ctx, req)
	if diags := resp.Private.SetKey(ctx, ownerTokenKey, mustJSON(token)); diags.HasError() {
		resp.Diagnostics.Append(diags...)
		return
	}
	sets := configuredSummary(ctx, kind, req)
	id := kind.noun + "/" + key.ValueString()
	o := data.owners
	o.mu.Lock()
	first, claimed := o.claims[id]
	if !claimed || first.token == token {
		o.claims[id] = ownerClaim{token: token, sets: sets}
	}
	o.mu.Unlock()
	if !claimed || first.token == token {
		return
	}
	resp.Diagnostics.AddAttributeError(path.Root(kind.key), fmt.Sprintf("Two resources adopt %s %s", kind.noun, key.ValueString()),
		fmt.Sprintf("Two %s resources in this configuration adopt %s %s. One would set %s; the other would set %s. "+
			"Each apply would undo the other's, and the %s would never settle. Keep one resource for it: remove the other resource "+
			"block (or its import block, or the duplicate key of count or for_each), or give it another %s. "+
			"Resources of other configurations, workspaces or provider aliases are not seen here; see the resource's documentation.",
			kind.typeName, kind.noun, key.ValueString(), first.sets, sets, kind.noun, kind.noun))
}

// ownerToken is the token of the resource being planned: the one its private
// state carries, or a new one.
func ownerToken(ctx context.Context, req resource.ModifyPlanRequest) string {
	if req.Private != nil {
		if raw, diags := req.Private.GetKey(ctx, ownerTokenKey); !diags.HasError() && raw != nil {
			var token string
			if json.Unmarshal(raw, &token) == nil && token != "" {
				return token
			}
		}
	}
	b := make([]byte, 16)
	_, _ = rand.Read(b) // crypto/rand never fails on the platforms Go supports
	return hex.EncodeToString(b)
}

// configuredSummary says what the resource's configuration sets, without
// sensitive values.
func configuredSummary(ctx context.Context, kind ownedKind, req resource.ModifyPlanRequest) string {
	names := kind.shown
	if names == nil {
		for _, s := range assistantSettings {
			names = append(names, s.Attr)
		}
		names = append(names, attrWebhookSecret, attrWebhookSecretWO)
	}
	var parts []string
	for _, name := range names {
		var v attr.Value
		if diags := req.Config.GetAttribute(ctx, path.Root(name), &v); diags.HasError() || v == nil || v.IsNull() {
			continue
		}
		if isSensitiveSetting(name) {
			parts = append(parts, name+" (sensitive)")
			continue
		}
		text := v.String()
		if len(text) > 60 {
			text = text[:57] + "..."
		}
		parts = append(parts, name+" = "+text)
	}
	sort.Strings(parts)
	if len(parts) == 0 {
		return "nothing (every setting left as it is)"
	}
	return strings.Join(parts, ", ")
}

func isSensitiveSetting(name string) bool {
	if name == attrWebhookSecret || name == attrWebhookSecretWO {
		return true
	}
	for _, s := range assistantSettings {
		if s.Attr == name {
			return s.HoldsSecrets()
		}
	}
	return false
}

func mustJSON(v any) []byte {
	b, _ := json.Marshal(v)
	return b
}
