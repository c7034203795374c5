package tfcli

import "testing"

func TestParseVersion(t *testing.T) {
	t.Parallel()
	cases := map[string]struct {
		engine       string
		major, minor int
	}{
		"Terraform v1.11.4\non linux_amd64\n":     {Terraform, 1, 11},
		"Terraform v1.14.0-beta2\non linux_amd64": {Terraform, 1, 14},
		"OpenTofu v1.12.6\non linux_amd64":        {OpenTofu, 1, 12},
	}
	for output, want := range cases {
		got, err := ParseVersion(output)
		if err != nil || got.Engine != want.engine || got.Major != want.major || got.Minor != want.minor {
			t.Errorf("ParseVersion(%q) = %+v, %v; want %s %d.%d", output, got, err, want.engine, want.major, want.minor)
		}
	}
	for _, bad := range []string{"", "Tofu v1.2.3", "Terraform 1.12.0"} {
		if got, err := ParseVersion(bad); err == nil {
			t.Errorf("ParseVersion(%q) = %+v; want an error", bad, got)
		}
	}
}

func TestAtLeast(t *testing.T) {
	t.Parallel()
	v := CLIVersion{Engine: Terraform, Major: 1, Minor: 12}
	for _, tc := range []struct {
		engine       string
		major, minor int
		want         bool
	}{
		{Terraform, 1, 12, true}, {Terraform, 1, 11, true}, {Terraform, 1, 13, false},
		{Terraform, 0, 15, true}, {Terraform, 2, 0, false}, {OpenTofu, 1, 12, false},
	} {
		if got := v.AtLeast(tc.engine, tc.major, tc.minor); got != tc.want {
			t.Errorf("%+v.AtLeast(%s, %d, %d) = %v, want %v", v, tc.engine, tc.major, tc.minor, got, tc.want)
		}
	}
}
