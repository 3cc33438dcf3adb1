package letters

import "secondopinion/data"

// Letter is a composed letter, laid out the way a UK business letter is.
type Letter struct {
	Kind       string
	Person     string   // whom the letter is about, named at the head of continuation pages
	From       []string // the sender's name, address and contact lines, set top right
	Date       data.Date
	To         []string // the recipient's name and address
	Subject    string
	Salutation string // "Dear Dr Rahman,"
	Body       []Block
	Closing    string   // "Yours sincerely,"
	Signature  []string // the name, then any role or organisation lines
	// NoRecipientAddress is set when the letter goes by post to someone
	// whose postal address the records lack: To holds only a name.
	NoRecipientAddress bool
}

// Block is a paragraph, or a bulleted list when Items is set.
type Block struct {
	Text  string // may hold line breaks the writer chose
	Items []string
	// Heading sets the paragraph in bold, kept with what follows: for
	// documents set like a letter, such as a person's copy of their records.
	Heading bool
}

// IsList reports whether the block is a bulleted list.
func (b Block) IsList() bool { return len(b.Items) > 0 }

func para(s string) Block        { return Block{Text: s} }
func list(items ...string) Block { return Block{Items: items} }
