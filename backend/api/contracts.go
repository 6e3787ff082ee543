package api

import (
	"context"

	"mopsdesk/backend"
)

// Vendors is the facade for vendors.
type Vendors struct{ s Services }

// Find lists every vendor.
func (v *Vendors) Find(ctx context.Context) ([]*backend.Vendor, error) {
	return call(ctx, v.s, "Vendors.Find", func(ctx context.Context) ([]*backend.Vendor, error) { return v.s.Vendors.FindVendors(ctx) })
}

// Get returns one vendor.
func (v *Vendors) Get(ctx context.Context, id int64) (*backend.Vendor, error) {
	return call(ctx, v.s, "Vendors.Get", func(ctx context.Context) (*backend.Vendor, error) {
		return v.s.Vendors.FindVendorByID(ctx, id)
	})
}

// Create stores a vendor.
func (v *Vendors) Create(ctx context.Context, in backend.Vendor) (*backend.Vendor, error) {
	return call(ctx, v.s, "Vendors.Create", func(ctx context.Context) (*backend.Vendor, error) {
		in.ID = 0
		err := v.s.Vendors.CreateVendor(ctx, &in)
		return &in, err
	})
}

// Update replaces a vendor's fields.
func (v *Vendors) Update(ctx context.Context, id int64, in backend.Vendor) (*backend.Vendor, error) {
	return call(ctx, v.s, "Vendors.Update", func(ctx context.Context) (*backend.Vendor, error) {
		if err := backend.RequireVersion("vendor", in.Version); err != nil {
			return nil, err
		}
		return v.s.Vendors.UpdateVendor(ctx, id, in)
	})
}

// Delete removes a vendor without contracts.
func (v *Vendors) Delete(ctx context.Context, id, version int64) error {
	_, err := call(ctx, v.s, "Vendors.Delete", func(ctx context.Context) (struct{}, error) {
		if err := backend.RequireVersion("vendor", version); err != nil {
			return struct{}{}, err
		}
		return struct{}{}, v.s.Vendors.DeleteVendor(ctx, id, version)
	})
	return err
}

// Contracts is the facade for contracts.
type Contracts struct{ s Services }

// Find lists the contracts of a vendor, or all for 0.
func (c *Contracts) Find(ctx context.Context, vendorID int64) ([]*backend.Contract, error) {
	return call(ctx, c.s, "Contracts.Find", func(ctx context.Context) ([]*backend.Contract, error) {
		return c.s.Contracts.FindContracts(ctx, vendorID)
	})
}

// Get returns one contract with its derived dates.
func (c *Contracts) Get(ctx context.Context, id int64) (*backend.Contract, error) {
	return call(ctx, c.s, "Contracts.Get", func(ctx context.Context) (*backend.Contract, error) {
		return c.s.Contracts.FindContractByID(ctx, id)
	})
}

// Create stores a contract and books its upcoming payments.
func (c *Contracts) Create(ctx context.Context, in backend.Contract) (*backend.Contract, error) {
	return call(ctx, c.s, "Contracts.Create", func(ctx context.Context) (*backend.Contract, error) {
		in.ID = 0
		err := c.s.Contracts.CreateContract(ctx, &in)
		return &in, err
	})
}

// Update replaces a contract's fields; price and seat changes are recorded.
func (c *Contracts) Update(ctx context.Context, id int64, in backend.Contract) (*backend.Contract, error) {
	return call(ctx, c.s, "Contracts.Update", func(ctx context.Context) (*backend.Contract, error) {
		if err := backend.RequireVersion("contract", in.Version); err != nil {
			return nil, err
		}
		return c.s.Contracts.UpdateContract(ctx, id, in)
	})
}

// Delete removes a contract and its booked payments.
func (c *Contracts) Delete(ctx context.Context, id, version int64) error {
	_, err := call(ctx, c.s, "Contracts.Delete", func(ctx context.Context) (struct{}, error) {
		if err := backend.RequireVersion("contract", version); err != nil {
			return struct{}{}, err
		}
		return struct{}{}, c.s.Contracts.DeleteContract(ctx, id, version)
	})
	return err
}

// History lists a contract's price and seat changes.
func (c *Contracts) History(ctx context.Context, id int64) ([]backend.ContractChange, error) {
	return call(ctx, c.s, "Contracts.History", func(ctx context.Context) ([]backend.ContractChange, error) {
		return c.s.Contracts.ContractHistory(ctx, id)
	})
}

// Digest lists contract dates due within horizon days, soonest first.
func (c *Contracts) Digest(ctx context.Context, horizonDays int) ([]backend.DigestEntry, error) {
	return call(ctx, c.s, "Contracts.Digest", func(ctx context.Context) ([]backend.DigestEntry, error) {
		return c.s.Contracts.Digest(ctx, horizonDays)
	})
}

// Overview returns annualised costs, cost per used seat and utilisation.
func (c *Contracts) Overview(ctx context.Context) (*backend.ContractOverview, error) {
	return call(ctx, c.s, "Contracts.Overview", func(ctx context.Context) (*backend.ContractOverview, error) { return c.s.Contracts.Overview(ctx) })
}
