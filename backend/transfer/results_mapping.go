package transfer

// The column mapping of a results file: what the user said each column
// is read as (Options.Mapping, by column letter, with the source of a
// file of no known shape in Options.Constants["source"]), remembered as
// a profile for files with the same headers and applied to the next one.

import (
	"context"
	"encoding/json"

	"mopsdesk/backend"
	"mopsdesk/backend/results/shapes"
	"mopsdesk/backend/sheet"
)

// resultSources are the sources a file of no known shape may be given.
var resultSources = map[backend.ResultSource]bool{backend.SourceGoogleAds: true, backend.SourceMicrosoftAds: true,
	backend.SourceMetaAds: true, backend.SourceLinkedInAds: true, backend.SourceTikTokAds: true, backend.SourceGA4: true,
	backend.SourceHubSpot: true, backend.SourceSalesforce: true, backend.SourceOther: true}

// mappingOf is the user's mapping in the options (nil when none).
func mappingOf(opts sheet.Options) (*shapes.Mapping, error) {
	src := backend.ResultSource(opts.Constants["source"])
	if src != "" && !resultSources[src] {
		return nil, &backend.Error{Code: backend.EINVALID, Message: "This is not a source of results.",
			Fields: map[string]backend.FieldError{"source": {Key: "results.bad_source", Params: map[string]any{"source": string(src)}}}}
	}
	if opts.Mapping == nil {
		return nil, nil
	}
	return &shapes.Mapping{Columns: opts.Mapping, Source: src, Sheet: opts.Sheet}, nil
}

// resultsReading gathers how a results file is read: the stages the user
// mapped, the column mapping given, and the profiles saved for results
// files (by header), of which used names the ones applied.
type resultsReading struct {
	opts     shapes.Options
	profiles map[string]*ImportProfile
	used     *ImportProfile
}

func (s *Service) resultsReading(ctx context.Context, opts sheet.Options) (*resultsReading, error) {
	stages, err := s.stageMap(ctx)
	if err != nil {
		return nil, err
	}
	m, err := mappingOf(opts)
	if err != nil {
		return nil, err
	}
	list, err := s.Profiles(ctx)
	if err != nil {
		return nil, err
	}
	rr := &resultsReading{profiles: map[string]*ImportProfile{}}
	for i := range list {
		if list[i].Kind == KindResults {
			rr.profiles[list[i].HeaderKey] = &list[i]
		}
	}
	rr.opts = shapes.Options{Stages: stages, Mapping: m, Profile: func(key string) *shapes.Mapping {
		p := rr.profiles[key]
		if p == nil {
			return nil
		}
		if rr.used == nil {
			rr.used = p
		}
		return &shapes.Mapping{Columns: p.Options.Mapping, Source: backend.ResultSource(p.Options.Constants["source"])}
	}}
	return rr, nil
}

// saveResultsProfiles remembers, at a commit, the mapping the user gave
// each sheet, for files with the same headers; saving again replaces it.
func (s *Service) saveResultsProfiles(ctx context.Context, out *ImportPreview, opts sheet.Options) error {
	if opts.Mapping == nil {
		return nil
	}
	for _, sh := range out.Results.Sheets {
		if !sh.Mapped || sh.Profile || len(sh.Missing) > 0 {
			continue
		}
		o := sheet.Options{Mapping: opts.Mapping}
		if src := opts.Constants["source"]; src != "" {
			o.Constants = map[string]string{"source": src}
		}
		b, _ := json.Marshal(o)
		sp := &backend.StoredProfile{Kind: KindResults, Name: out.FileName, HeaderKey: sh.HeaderKey, Options: string(b)}
		if err := s.s.Store.SaveImportProfile(ctx, sp); err != nil {
			return err
		}
		return nil // the mapping is of one sheet
	}
	return nil
}

// missingError is the commit's answer to a file whose mapping lacks what
// results need, naming it.
func missingError(sheetName string, missing []string) error {
	return &backend.Error{Code: backend.EINVALID, Message: "Say which column is the campaign, the day and at least one metric.",
		Fields: map[string]backend.FieldError{"mapping": {Key: "results.mapping_needs", Params: map[string]any{"sheet": sheetName, "missing": missing}}}}
}
