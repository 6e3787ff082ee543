package transfer

import (
	"context"
	"strconv"

	"mopsdesk/backend"
	"mopsdesk/backend/sheet"
)

// bookings works out, for each source of a results file, whether its
// cost is booked as actual spend and into which spend category: the
// choice given (opts.BookCost, opts.BookCategories) or, when none is
// given, the one remembered from the source's last import. A booked
// source with no category takes the workspace's first; a category that
// no longer exists is the booking's Problem, named as it was when it was
// chosen.
func (s *Service) bookings(ctx context.Context, opts sheet.Options, sources []backend.ResultSource) ([]backend.ResultBooking, error) {
	out := []backend.ResultBooking{}
	if len(sources) == 0 {
		return out, nil
	}
	remembered := map[backend.ResultSource]backend.ResultBooking{}
	if s.s.Rules != nil {
		saved, err := s.s.Rules.ResultBookings(ctx)
		if err != nil {
			return nil, err
		}
		for _, b := range saved {
			remembered[b.Source] = b
		}
	}
	items, err := s.s.Lists.ListItems(ctx, backend.ListCategories)
	if err != nil {
		return nil, err
	}
	names := map[int64]string{}
	for _, it := range items {
		names[it.ID] = it.Name
	}
	first, err := s.firstItem(ctx, backend.ListCategories)
	if err != nil {
		return nil, err
	}
	for _, src := range sources {
		b := remembered[src]
		b.Source, b.Problem = src, nil
		if opts.BookCost != nil {
			b.Book = false
			for _, v := range opts.BookCost {
				b.Book = b.Book || v == string(src)
			}
		}
		if id := opts.BookCategories[string(src)]; id != 0 {
			if id != b.CategoryID {
				b.CategoryName = ""
			}
			b.CategoryID = id
		}
		if b.CategoryID == 0 && b.Book {
			b.CategoryID = first
		}
		if name, ok := names[b.CategoryID]; ok {
			b.CategoryName = name
		} else if b.CategoryID != 0 {
			gone := b.CategoryName
			if gone == "" {
				gone = "#" + strconv.FormatInt(b.CategoryID, 10)
			}
			b.Problem = &backend.FieldError{Key: "results.book_category_gone", Params: map[string]any{"category": gone, "source": sourceVendor(src)}}
		}
		out = append(out, b)
	}
	return out, nil
}
