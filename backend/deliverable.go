package backend

import (
	"context"
	"strings"
	"unicode/utf8"
)

// DeliverableType is the kind of content piece.
type DeliverableType string

// Deliverable types; "custom" carries its own name in CustomType.
const (
	TypeBlogPost    DeliverableType = "blog_post"
	TypeEmail       DeliverableType = "email"
	TypeAd          DeliverableType = "ad"
	TypeSocialPost  DeliverableType = "social_post"
	TypeVideo       DeliverableType = "video"
	TypeEvent       DeliverableType = "event"
	TypeLandingPage DeliverableType = "landing_page"
	TypeCustom      DeliverableType = "custom"
)

// DeliverableTypes lists every type in the order the UI offers them.
var DeliverableTypes = []DeliverableType{TypeBlogPost, TypeEmail, TypeAd, TypeSocialPost, TypeVideo, TypeEvent, TypeLandingPage, TypeCustom}

// DeliverableStatus is where a content piece stands.
type DeliverableStatus string

// Deliverable statuses in workflow order.
const (
	DeliverableIdea      DeliverableStatus = "idea"
	DeliverableDraft     DeliverableStatus = "draft"
	DeliverableReview    DeliverableStatus = "review"
	DeliverableScheduled DeliverableStatus = "scheduled"
	DeliverablePublished DeliverableStatus = "published"
)

// DeliverableStatuses lists every status in workflow order.
var DeliverableStatuses = []DeliverableStatus{DeliverableIdea, DeliverableDraft, DeliverableReview, DeliverableScheduled, DeliverablePublished}

// Deliverable is a content piece with a publish day, inside a campaign or
// standalone (an editorial calendar entry).
type Deliverable struct {
	ID int64 `json:"id"`
	// Version changes on every write of the record; a save names the
	// version it started from (see CheckVersion).
	Version int64 `json:"version"`
	// CampaignID is 0 for a standalone deliverable.
	CampaignID   int64             `json:"campaignId"`
	CampaignName string            `json:"campaignName"`
	Title        string            `json:"title"`
	Type         DeliverableType   `json:"type"`
	CustomType   string            `json:"customType"`
	PublishDate  string            `json:"publishDate"`
	ChannelID    int64             `json:"channelId"`
	ChannelName  string            `json:"channelName"`
	Owner        string            `json:"owner"`
	OwnerID      int64             `json:"ownerId"` // the team member the owner is (0: a name only)
	Status       DeliverableStatus `json:"status"`
	Notes        string            `json:"notes"`
	// OutsideCampaign warns that the publish day falls outside the
	// campaign's range. It is allowed: plans slip, teaser posts go early.
	OutsideCampaign bool `json:"outsideCampaign"`
	// Overdue is set when the publish day has passed and the piece is not
	// published.
	Overdue   bool   `json:"overdue"`
	CreatedAt string `json:"createdAt"`
	UpdatedAt string `json:"updatedAt"`
}

// Normalize trims the text fields.
func (d *Deliverable) Normalize() {
	d.Title = strings.TrimSpace(d.Title)
	d.CustomType = strings.TrimSpace(d.CustomType)
	d.Owner = strings.TrimSpace(d.Owner)
	d.Notes = strings.TrimSpace(d.Notes)
	if d.Type != TypeCustom {
		d.CustomType = ""
	}
}

// Validate returns an EINVALID error naming each wrong field.
func (d *Deliverable) Validate() error {
	fe := FieldErrors{}
	validateName(fe, "title", d.Title)
	if !oneOf(d.Type, DeliverableTypes) {
		fe.Add("type", "deliverable.type_unknown", map[string]any{"type": string(d.Type)})
	} else if d.Type == TypeCustom && d.CustomType == "" {
		fe.Add("customType", "field.required", nil)
	}
	if utf8.RuneCountInString(d.CustomType) > MaxTagLength {
		fe.Add("customType", "field.too_long", map[string]any{"max": MaxTagLength})
	}
	validateDay(fe, "publishDate", d.PublishDate)
	if !oneOf(d.Status, DeliverableStatuses) {
		fe.Add("status", "deliverable.status_unknown", map[string]any{"status": string(d.Status)})
	}
	validateText(fe, "owner", d.Owner, MaxOwnerLength)
	validateText(fe, "notes", d.Notes, MaxNotesLength)
	if d.CampaignID < 0 {
		fe.Add("campaignId", "field.reference_unknown", nil)
	}
	if d.ChannelID < 0 {
		fe.Add("channelId", "field.reference_unknown", nil)
	}
	return fe.Err("deliverable")
}

// DeliverableUpdate holds the fields to change; nil means "leave as is".
type DeliverableUpdate struct {
	// Version is the version of the record the changes were made to; a
	// save over a newer version is refused (see CheckVersion).
	Version     int64              `json:"version"`
	CampaignID  *int64             `json:"campaignId"`
	Title       *string            `json:"title"`
	Type        *DeliverableType   `json:"type"`
	CustomType  *string            `json:"customType"`
	PublishDate *string            `json:"publishDate"`
	ChannelID   *int64             `json:"channelId"`
	Owner       *string            `json:"owner"`
	OwnerID     *int64             `json:"ownerId"`
	Status      *DeliverableStatus `json:"status"`
	Notes       *string            `json:"notes"`
}

// Apply copies the given fields onto d.
func (u DeliverableUpdate) Apply(d *Deliverable) {
	set(&d.CampaignID, u.CampaignID)
	set(&d.Title, u.Title)
	set(&d.Type, u.Type)
	set(&d.CustomType, u.CustomType)
	set(&d.PublishDate, u.PublishDate)
	set(&d.ChannelID, u.ChannelID)
	set(&d.Owner, u.Owner)
	set(&d.OwnerID, u.OwnerID)
	set(&d.Status, u.Status)
	set(&d.Notes, u.Notes)
}

// DeliverableService keeps deliverables.
type DeliverableService interface {
	FindDeliverableByID(ctx context.Context, id int64) (*Deliverable, error)
	// FindDeliverables returns the deliverables of one campaign (campaignID
	// > 0) or the standalone ones (campaignID == 0), by publish day.
	FindDeliverables(ctx context.Context, campaignID int64) ([]*Deliverable, error)
	CreateDeliverable(ctx context.Context, d *Deliverable) error
	UpdateDeliverable(ctx context.Context, id int64, upd DeliverableUpdate) (*Deliverable, error)
	// DeleteDeliverable removes the record unless it changed since version
	// (0: whatever it holds).
	DeleteDeliverable(ctx context.Context, id, version int64) error
}
