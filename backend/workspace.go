package backend

import (
	"context"
	"slices"
	"strings"
	"unicode/utf8"
)

// Languages the app ships message catalogs for (PRODUCT.md: six languages).
var Languages = []string{"en", "fa", "ar", "pl", "tr", "th"}

// Settings is the workspace record: one per database.
type Settings struct {
	Name string `json:"name"`
	// BaseCurrency is the ISO 4217 code every total is shown in.
	BaseCurrency string `json:"baseCurrency"`
	// FiscalYearStartMonth is 1 (January) to 12 (December).
	FiscalYearStartMonth int    `json:"fiscalYearStartMonth"`
	Language             string `json:"language"`
	// UnderuseThreshold flags contracts whose seat utilisation is below
	// this percentage.
	UnderuseThreshold int `json:"underuseThreshold"`
	// Calendar is how dates show: gregory, persian or buddhist.
	Calendar string `json:"calendar"`
	// WeekStart is the first day of the week, 0 (Sunday) to 6 (Saturday).
	WeekStart int `json:"weekStart"`
	// UpdatedAt is empty until the settings are first saved.
	UpdatedAt string `json:"updatedAt"`
}

// Calendars are the calendars dates can be shown in.
var Calendars = []string{"gregory", "persian", "buddhist"}

// DefaultSettings are the settings of a new workspace.
func DefaultSettings() Settings {
	return Settings{Name: "My marketing team", BaseCurrency: "USD", FiscalYearStartMonth: 1, Language: "en", UnderuseThreshold: 70,
		Calendar: "gregory", WeekStart: 1}
}

// Normalize trims the name and upper-cases the currency code.
func (s *Settings) Normalize() {
	s.Name = strings.TrimSpace(s.Name)
	s.BaseCurrency = strings.ToUpper(strings.TrimSpace(s.BaseCurrency))
	s.Language = strings.TrimSpace(s.Language)
	s.Calendar = strings.TrimSpace(s.Calendar)
	if s.Calendar == "" {
		s.Calendar = "gregory"
	}
}

// Validate returns an EINVALID error naming each wrong field.
func (s *Settings) Validate() error {
	fe := FieldErrors{}
	switch n := utf8.RuneCountInString(s.Name); {
	case n == 0:
		fe.Add("name", "field.required", nil)
	case n > MaxNameLength:
		fe.Add("name", "field.too_long", map[string]any{"max": MaxNameLength})
	}
	if _, ok := LookupCurrency(s.BaseCurrency); !ok {
		fe.Add("baseCurrency", "money.currency_unknown", map[string]any{"currency": s.BaseCurrency})
	}
	if s.FiscalYearStartMonth < 1 || s.FiscalYearStartMonth > 12 {
		fe.Add("fiscalYearStartMonth", "settings.fiscal_month_range", nil)
	}
	if s.UnderuseThreshold < 0 || s.UnderuseThreshold > 100 {
		fe.Add("underuseThreshold", "settings.threshold_range", nil)
	}
	known := false
	for _, l := range Languages {
		known = known || l == s.Language
	}
	if !known {
		fe.Add("language", "settings.language_unknown", map[string]any{"language": s.Language})
	}
	if !slices.Contains(Calendars, s.Calendar) {
		fe.Add("calendar", "settings.calendar_unknown", map[string]any{"calendar": s.Calendar})
	}
	if s.WeekStart < 0 || s.WeekStart > 6 {
		fe.Add("weekStart", "settings.week_start_invalid", nil)
	}
	return fe.Err("workspace settings")
}

// WorkspaceService keeps the workspace settings.
type WorkspaceService interface {
	Settings(ctx context.Context) (*Settings, error)
	UpdateSettings(ctx context.Context, s Settings) (*Settings, error)
	// WorkspaceID returns the workspace's random, permanent identity.
	WorkspaceID(ctx context.Context) (string, error)
	// CurrenciesInUse lists the currencies the workspace's money is kept
	// in (spend, requests, contracts, campaign budgets, exchange rates),
	// most used first, so pickers can offer them before the other ~170.
	CurrenciesInUse(ctx context.Context) ([]string, error)
}
