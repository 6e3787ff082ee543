package httpapi

import "time"

// SetSessionRecheck lets a test see a stream end with its session
// without waiting half a minute.
func SetSessionRecheck(d time.Duration) func() {
	old := sessionRecheck
	sessionRecheck = d
	return func() { sessionRecheck = old }
}
