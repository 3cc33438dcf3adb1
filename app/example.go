package app

import (
	"context"

	"secondopinion/data"
	"secondopinion/data/demo"
	"secondopinion/data/store"
)

// exampleClients is how many made-up people the example caseload holds:
// enough to see every stage, few enough to take in.
const exampleClients = 40

// fillExample makes the example caseload the first time it is opened, and
// sets it to an advocate's view, which shows the most.
func fillExample(ctx context.Context, st *store.Store, today data.Date) error {
	people, err := st.People(ctx)
	if err != nil || len(people) > 0 {
		return err
	}
	if err := demo.Generate(ctx, st, exampleClients, 1, today); err != nil {
		return err
	}
	if err := st.SaveSender(ctx, data.Sender{Name: "Sam Example", Role: "Advocate",
		Organisation: "Example Advocacy Service", Address: "1 Example Street\nExampletown\nEX1 1AA"}); err != nil {
		return err
	}
	if err := st.SetSetting(ctx, settingExample, "yes"); err != nil {
		return err
	}
	return st.SetSetting(ctx, settingMode, string(modeAdvocate))
}
