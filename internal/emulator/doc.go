// Package emulator is an in-memory stand-in for the Interactly API: phone
// numbers and assistants.
//
// It serves the documented routes (list, update, purchase and import of
// numbers; get and update of an assistant) as an [http.Handler], so provider tests can start it in-process with
// httptest.NewServer and users can run their Terraform configuration against
// it offline through the interactly-emulator command.
//
// Where the API documentation is silent (error format, status codes, list
// order, validation), the emulator picks one plausible behaviour and sticks to
// it; README.md beside this file lists those choices.
//
// Besides the data, a [Server] can misbehave on purpose: [Fault] injects
// errors, delays, hangs, dropped connections, malformed bodies and bodies
// that break off or stall per route, [Options] adds a fixed latency, a rate
// limit of several shapes ([RateLimitShape]) and an echo of the
// Authorization header, and [Server.Counts] and
// [Server.StatusCounts] tell how many requests each route received and how
// many were answered with each status, so that tests can check retries and
// benchmarks can check how many calls a plan costs.
//
// Every API request goes through the same steps, in this order:
//
//  1. it is counted under "METHOD /route/pattern" (see [Server.Counts]);
//  2. the rate limit may answer 429, and writes its headers, if any, on
//     every answer;
//  3. the first matching active fault may answer, delay, hang or drop it
//     (one with Apply first runs steps 4 to 6 and throws the answer away);
//  4. the fixed latency is waited out;
//  5. a missing or wrong API key answers 401; a right one picks the team
//     whose numbers the request sees (see [Options] TeamKeys);
//  6. the route handler answers.
//
// Counting first makes every request the client sent visible in the counts,
// whatever answered it; faults come before authentication so that a fault
// test does not depend on the key being right. Admin routes under /_emulator/
// skip all of these steps; besides counts and health, they change numbers
// and assistants as the dashboard would and switch faults on and off at run time.
package emulator
