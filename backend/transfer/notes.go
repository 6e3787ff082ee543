package transfer

import (
	"fmt"

	"mopsdesk/backend/sheet"
)

// noteNothingRead makes a preview that found no rows at all say so: a
// sheet with text never comes back as "0 to create, 0 problems".
func noteNothingRead(out *ImportPreview) {
	if out.Create+out.Update+out.Skip > 0 || out.ProblemsTotal > 0 || len(out.Skipped) > 0 || len(out.Rows) > 0 {
		return
	}
	p := sheet.Problem{Sheet: out.Sheet, Key: "import.nothing_read", Params: map[string]any{"sheet": out.Sheet},
		Message: fmt.Sprintf("Sheet '%s': no rows could be read; check the header row and the kind of items.", out.Sheet)}
	out.Problems = append([]sheet.Problem{p}, out.Problems...)
	out.ProblemsTotal++
}

// offerCurrencyChoice turns a budget's "this amount is in PKR" problems,
// one per cell, into one choice: spend in that currency, or budget
// converted at the workspace's rates. The rows stay problem rows (nothing
// is imported) until the user chooses.
func (r *importRun) offerCurrencyChoice(out *ImportPreview) {
	if r.kind != "budget" || r.convertBudget || r.currencyCells == 0 {
		return
	}
	out.ProblemsTotal -= r.currencyCells
	kept := out.Problems[:0]
	for _, p := range out.Problems {
		if p.Key != "import.budget_currency" {
			kept = append(kept, p)
		}
	}
	out.Problems = kept
	_, _, ok := r.rates.Rate(r.currencyOf, "")
	out.CurrencyChoice = &CurrencyChoice{Currency: r.currencyOf, Base: r.settings.BaseCurrency, Cells: r.currencyCells, HasRate: ok}
}
