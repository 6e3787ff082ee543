package backend

import (
	"context"
	"net/url"
	"strings"
)

// VendorCategory is the kind of tool or service a vendor sells.
type VendorCategory string

// VendorCategories lists the categories in the order the UI offers them.
var VendorCategories = []VendorCategory{"crm", "email", "marketing_automation", "analytics", "ads", "design", "social", "data", "other"}

// Vendor is a company the team buys from.
type Vendor struct {
	ID int64 `json:"id"`
	// Version changes on every write of the record; a save names the
	// version it started from (see CheckVersion).
	Version  int64          `json:"version"`
	Name     string         `json:"name"`
	Website  string         `json:"website"`
	Category VendorCategory `json:"category"`
	// Contacts is free text: names, emails, phone numbers.
	Contacts  string `json:"contacts"`
	Notes     string `json:"notes"`
	Contracts int    `json:"contracts"`
	CreatedAt string `json:"createdAt"`
	UpdatedAt string `json:"updatedAt"`
}

// Normalize trims the text fields.
func (v *Vendor) Normalize() {
	v.Name = strings.TrimSpace(v.Name)
	v.Website = strings.TrimSpace(v.Website)
	v.Contacts = strings.TrimSpace(v.Contacts)
	v.Notes = strings.TrimSpace(v.Notes)
	if v.Category == "" {
		v.Category = "other"
	}
}

// Validate returns an EINVALID error naming each wrong field.
func (v *Vendor) Validate() error {
	fe := FieldErrors{}
	validateName(fe, "name", v.Name)
	if !oneOf(v.Category, VendorCategories) {
		fe.Add("category", "vendor.category_unknown", nil)
	}
	if v.Website != "" {
		u, err := url.Parse(v.Website)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			fe.Add("website", "vendor.website_invalid", map[string]any{"value": v.Website})
		}
	}
	validateText(fe, "contacts", v.Contacts, MaxNotesLength)
	validateText(fe, "notes", v.Notes, MaxNotesLength)
	return fe.Err("vendor")
}

// VendorService keeps vendors.
type VendorService interface {
	FindVendors(ctx context.Context) ([]*Vendor, error)
	FindVendorByID(ctx context.Context, id int64) (*Vendor, error)
	CreateVendor(ctx context.Context, v *Vendor) error
	UpdateVendor(ctx context.Context, id int64, v Vendor) (*Vendor, error)
	// DeleteVendor removes the record unless it changed since version
	// (0: whatever it holds).
	DeleteVendor(ctx context.Context, id, version int64) error
}
