package api

import (
	"context"
	"encoding/json"
	"reflect"

	"mopsdesk/backend"
	"mopsdesk/backend/live"
)

// Changes names, for every facade method that changes the workspace, the
// area it changes: once such a call succeeds (its transaction has
// committed), every connected client gets a change notice (live.Change)
// and reloads its open views of that area. Every method in Access is
// either here or reads: it needs only a Viewer, or is one of quiet's
// (TestChanges_EveryMethodIsClassified).
var Changes = map[string]string{
	"Workspace.UpdateSettings": "settings",

	"Lists.Create": "lists",
	"Lists.Rename": "lists",
	"Lists.Delete": "lists",

	"Campaigns.Copy":   "campaigns",
	"Campaigns.Create": "campaigns",
	"Campaigns.Delete": "campaigns",
	"Campaigns.Move":   "campaigns",
	"Campaigns.Update": "campaigns",

	"Deliverables.Create": "deliverables",
	"Deliverables.Delete": "deliverables",
	"Deliverables.Update": "deliverables",

	"Milestones.Create": "milestones",
	"Milestones.Delete": "milestones",
	"Milestones.Update": "milestones",

	"Goals.Create": "goals",
	"Goals.Delete": "goals",
	"Goals.Update": "goals",

	"Budget.CreateFiscalYear":   "budget",
	"Budget.SetLines":           "budget",
	"Budget.SetPlanningRate":    "rates",
	"Budget.DeletePlanningRate": "rates",
	"Budget.SetFXRate":          "rates",
	"Budget.DeleteFXRate":       "rates",

	"Spend.Create": "spend",
	"Spend.Delete": "spend",
	"Spend.Update": "spend",

	"Requests.Create": "requests",
	"Requests.Decide": "requests",

	"Vendors.Create": "vendors",
	"Vendors.Delete": "vendors",
	"Vendors.Update": "vendors",

	"Contracts.Create": "contracts",
	"Contracts.Delete": "contracts",
	"Contracts.Update": "contracts",

	"Documents.Delete": "documents",

	"Assets.BulkEdit": "assets",
	"Assets.Delete":   "assets",
	"Assets.Update":   "assets",

	"Imports.Commit":        "imports",
	"Imports.Undo":          "imports",
	"Imports.SaveProfile":   "imports",
	"Imports.DeleteProfile": "imports",

	"Results.SaveRule":   "results",
	"Results.CreateRule": "results",
	"Results.UpdateRule": "results",
	"Results.DeleteRule": "results",
	"Results.SaveStage":  "results",
	// A new campaign (and the rule sending a name to it): open campaign views refresh.
	"Results.NewCampaign": "campaigns",

	"People.Rename":      "people",
	"People.UndoRename":  "people",
	"People.MapToMember": "people",

	"Backups.BackUpNow":      "backups",
	"Backups.Restore":        "backups",
	"Backups.CancelRestore":  "backups",
	"Backups.UpdateSettings": "backups",

	// The team's people (the Team facade, on a team host).
	"Team.Invite":        "team",
	"Team.RevokeInvite":  "team",
	"Team.SetRole":       "team",
	"Team.SetActive":     "team",
	"Team.ResetPassword": "team",
}

// The uploads, which are not facade methods but change the workspace:
// files kept with a contract, files added to the asset library. (A file
// handed to the importer changes nothing until Imports.Commit.)
const (
	UploadDocuments = "Upload.Documents"
	UploadAssets    = "Upload.Assets"
)

// uploadAreas are the areas the uploads change.
var uploadAreas = map[string]string{UploadDocuments: "documents", UploadAssets: "assets"}

// quiet are the methods that need more than a Viewer and yet change
// nothing anyone else sees: an import's preview and choices, dropping a
// pending file, and the admin-only reads.
var quiet = map[string]bool{
	"Imports.Kinds":    true,
	"Imports.Profiles": true,
	"Imports.Preview":  true,
	"Imports.Discard":  true,
	"Backups.Status":   true,
	"People.Unmapped":  true,
	"Audit.Log":        true,
	"Audit.Authors":    true,
	"Team.Me":          true,
	"Team.Members":     true,
	"Team.Invites":     true,
	"Team.Sessions":    true,
}

// Writes reports whether method changes the workspace, and then the area
// it changes.
func Writes(method string) (area string, ok bool) {
	area, ok = Changes[method]
	return area, ok
}

// Reads reports whether method, a rule of Access, changes nothing: it
// needs a Viewer only, or is one of the few quiet ones.
func Reads(method string) bool {
	need, ok := Access[method]
	return ok && (need == backend.RoleViewer || quiet[method])
}

// Notice returns the change notice for a successful call of method with
// args (its JSON array) and result, or nil when the call changes
// nothing. It names the record by the result's id and name or title, or,
// for a deletion, by the first number among the arguments.
func Notice(ctx context.Context, method string, args []byte, result any) *live.Change {
	area, ok := Changes[method]
	if !ok {
		if area, ok = uploadAreas[method]; !ok {
			return nil
		}
	}
	c := &live.Change{Type: live.TypeChange, Area: area, Method: method, Origin: live.OriginFrom(ctx)}
	if a := backend.ActorFrom(ctx); a != nil {
		c.By = a.Name
	}
	if area == "team" {
		// Invites and sessions carry secrets: a notice names none of it.
		return c
	}
	c.ID, c.Label = record(reflect.ValueOf(result), 0)
	if c.ID == 0 {
		var raw []json.RawMessage
		if json.Unmarshal(args, &raw) == nil {
			for _, r := range raw {
				if json.Unmarshal(r, &c.ID) == nil {
					break
				}
			}
		}
	}
	return c
}

// labelFields are the fields that name a record, the best first.
var labelFields = []string{"Name", "Title", "Purpose", "VendorName", "CampaignName", "FileName"}

// record finds the id and name of the record v holds: a struct with an
// ID, or the first of a list, or a struct holding one (a moved campaign).
func record(v reflect.Value, depth int) (int64, string) {
	for v.Kind() == reflect.Pointer || v.Kind() == reflect.Interface {
		if v.IsNil() {
			return 0, ""
		}
		v = v.Elem()
	}
	if depth > 2 {
		return 0, ""
	}
	switch v.Kind() {
	case reflect.Slice:
		if v.Len() == 1 {
			return record(v.Index(0), depth+1)
		}
		return 0, ""
	case reflect.Struct:
	default:
		return 0, ""
	}
	if f := v.FieldByName("ID"); f.IsValid() && f.Kind() == reflect.Int64 && f.Int() != 0 {
		for _, name := range labelFields {
			if l := v.FieldByName(name); l.IsValid() && l.Kind() == reflect.String && l.String() != "" {
				return f.Int(), l.String()
			}
		}
		return f.Int(), ""
	}
	for _, name := range []string{"Campaign", "Asset"} {
		if f := v.FieldByName(name); f.IsValid() {
			if id, label := record(f, depth+1); id != 0 {
				return id, label
			}
		}
	}
	return 0, ""
}
