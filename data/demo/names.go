package demo

import (
	"strings"

	"secondopinion/data"
)

// Names by nation, with the accents, apostrophes and hyphens real names
// carry, so every screen and letter is tried on them.
var firstNames = map[data.Nation][]string{
	data.England: {"Oliver", "Amelia", "Zoë", "Mohammed", "Chloë", "Priya", "Renée", "Jack", "Olufemi", "Grace",
		"Łukasz", "Aisha", "Daniel", "Margaret", "José", "Hannah", "Kwame", "Ruth", "Björn", "Fatima"},
	data.Wales: {"Siân", "Llŷr", "Ffion", "Dafydd", "Rhiannon", "Gethin", "Elin", "Iolo", "Megan", "Aled",
		"Gwenllian", "Rhys", "Catrin", "Owain", "Nia"},
	data.Scotland: {"Eilidh", "Ruairidh", "Mòrag", "Callum", "Isla", "Fraser", "Kirsty", "Hamish", "Ailsa",
		"Seònaid", "Euan", "Catriona", "Lachlan", "Ishbel"},
	data.NorthernIreland: {"Aoife", "Ciarán", "Niamh", "Seán", "Siobhán", "Pádraig", "Orla", "Ruairí", "Caoimhe",
		"Darragh", "Gráinne", "Eoin", "Róisín"},
}

var surnames = map[data.Nation][]string{
	data.England: {"Smith", "O'Brien-Ng", "Patel", "Okafor", "Taylor", "Khan", "Nowak", "Brown", "Wright",
		"Fernández", "Clarke-Hughes", "Evans", "Begum", "Lindqvist", "D'Souza", "Müller", "Wood"},
	data.Wales: {"ap Dafydd", "Jones", "Llewelyn", "Rees", "Prys", "Bowen", "Hughes", "Pritchard", "Lloyd",
		"Huws", "Morgan", "Gruffudd"},
	data.Scotland: {"MacLeòid", "Campbell", "MacDonald", "Robertson", "Stewart", "Fraser", "MacKenzie", "Murray",
		"McAllister", "Ross", "Mac an t-Saoir"},
	data.NorthernIreland: {"Ní Bhriain", "O'Neill", "McCann", "Ó Dónaill", "Quinn", "Doherty", "Kelly",
		"Mac Giolla Phádraig", "Murphy", "Gallagher"},
}

// Places are invented streets in real towns; postcodes are in the
// ranges kept for fiction where they exist, and plausible otherwise.
var places = map[data.Nation][]struct{ street, town, postcode string }{
	data.England: {
		{"Mill Lane", "Leeds", "LS1 1AA"}, {"Station Road", "Bristol", "BS1 4AA"}, {"Church Street", "Norwich", "NR2 1AA"},
		{"Victoria Road", "Sheffield", "S1 2AA"}, {"Park Avenue", "Leicester", "LE1 5AA"}, {"High Street", "Exeter", "EX1 1AA"},
	},
	data.Wales: {
		{"Heol y Felin", "Llandeilo", "SA19 6AA"}, {"Stryd Fawr", "Bangor", "LL57 1AA"}, {"Ffordd yr Eglwys", "Aberystwyth", "SY23 1AA"},
		{"Cathedral Road", "Cardiff", "CF11 9AA"},
	},
	data.Scotland: {
		{"Rose Street", "Edinburgh", "EH2 2AA"}, {"Byres Road", "Glasgow", "G12 8AA"}, {"Union Street", "Aberdeen", "AB11 6AA"},
		{"Academy Street", "Inverness", "IV1 1AA"},
	},
	data.NorthernIreland: {
		{"Lisburn Road", "Belfast", "BT9 6AA"}, {"Shipquay Street", "Derry", "BT48 6AA"}, {"Market Street", "Armagh", "BT61 7AA"},
	},
}

// onBehalfCases are written by a carer or an advocate, about the person;
// {name} is their first name.
var onBehalfCases = []demoCase{
	{"schizophrenia", "clozapine", "Clozapine 300 mg", "Risperidone; olanzapine; aripiprazole",
		"{name} finds it hard to concentrate and has lost touch with friends.",
		"Weight gain of four stone, and drowsiness most of the day.",
		"We are worried that the side effects are now doing more harm than the illness.",
		"A review of the medication by a specialist in treatment-resistant psychosis.", data.SubjectMedication, data.ReasonSideEffects},
	{"dementia", "donepezil", "Donepezil 10 mg", "",
		"{name} has become confused much more quickly than the memory clinic expected, and can no longer cook safely.",
		"Vivid dreams and very slow heart rate.",
		"The family has seen changes in personality and hallucinations that suggest a different kind of dementia, which would change the treatment.",
		"A second opinion on the diagnosis from another memory specialist.", data.SubjectDiagnosis, data.ReasonDisagreeDiagnosis},
	{"anorexia nervosa", "outpatient treatment", "", "",
		"{name} has lost more weight since the last appointment and is too weak to attend college.",
		"",
		"{name}'s weight has fallen for six months despite treatment, and no one has considered a specialist eating disorder unit.",
		"A referral to a specialist eating disorder service for an opinion on the treatment plan.", data.SubjectTreatment, data.ReasonNotWorking},
}

// Cases are the conditions and treatments people ask about, with the words
// they might use for each part of a request.
type demoCase struct {
	condition, treatment, current, tried, problems, sideEffects, reason, outcome string
	subject                                                                      data.Subject
	category                                                                     data.ReasonCategory
}

var cases = []demoCase{
	{"bipolar disorder", "lithium", "Lithium 800 mg at night", "Sertraline, then quetiapine",
		"I have not been able to work since the spring and I struggle to leave the house.",
		"A tremor in my hands and constant thirst.",
		"The diagnosis was made after one short appointment and does not match how my low moods come and go.",
		"A second opinion on my diagnosis from another consultant psychiatrist.", data.SubjectDiagnosis, data.ReasonDisagreeDiagnosis},
	{"depression", "sertraline", "Sertraline 150 mg", "Citalopram; fluoxetine",
		"I sleep badly, I have stopped seeing friends and I find it hard to look after my children.",
		"Nausea and feeling emotionally flat.",
		"I have now tried three antidepressants over two years and none has helped.",
		"A review of my treatment and a talk about other options, including talking therapy.", data.SubjectTreatment, data.ReasonNotWorking},
	{"fibromyalgia", "pregabalin", "Pregabalin 150 mg twice a day", "Amitriptyline; duloxetine",
		"The pain keeps me awake, and I have had to cut my hours at work.",
		"Dizziness and blurred vision.",
		"I am not sure the diagnosis is right, as no one has looked for other causes of the pain.",
		"A referral to a rheumatologist for a second opinion.", data.SubjectDiagnosis, data.ReasonWantsSpecialist},
	{"soft tissue sarcoma", "surgery followed by radiotherapy", "", "",
		"I am frightened about the operation and what it will mean for my walking.",
		"",
		"Sarcoma is rare, and I would like a specialist sarcoma team to look at the scans before surgery.",
		"A second opinion from a specialist sarcoma centre.", data.SubjectTreatment, data.ReasonWantsSpecialist},
	{"epilepsy", "sodium valproate", "Sodium valproate 1,000 mg", "Carbamazepine",
		"I still have seizures most months and cannot drive.",
		"Hair loss and weight gain.",
		"I am planning a family and I have read that this medicine carries risks in pregnancy.",
		"A review of my medication with a neurologist.", data.SubjectMedication, data.ReasonSideEffects},
	{"emotionally unstable personality disorder", "", "Quetiapine 50 mg", "",
		"My life has fallen apart since the diagnosis: I feel no one listens to me now.",
		"",
		"I believe my symptoms are better explained by trauma, which was never assessed.",
		"A second opinion on my diagnosis from a clinician outside the team.", data.SubjectDiagnosis, data.ReasonLostConfidence},
	{"rheumatoid arthritis", "methotrexate", "Methotrexate 15 mg weekly", "Hydroxychloroquine",
		"My hands are swollen every morning and I have had to give up gardening.",
		"Mouth ulcers and tiredness.",
		"My joints are getting worse despite the treatment.",
		"A review of my treatment, and whether a biological medicine might help.", data.SubjectTreatment, data.ReasonNotWorking},
	{"ADHD", "", "", "",
		"I lose jobs because I cannot keep track of tasks.",
		"",
		"My assessment took twenty minutes and the report describes someone I do not recognise.",
		"A full assessment by a specialist adult ADHD service.", data.SubjectDiagnosis, data.ReasonDisagreeDiagnosis},
	{"Crohn's disease", "azathioprine", "Azathioprine 150 mg", "Mesalazine; steroids",
		"I have had two hospital stays this year and I miss a lot of work.",
		"Frequent infections.",
		"I have been told surgery is the only option left, and I would like another specialist's view first.",
		"A second opinion from another gastroenterologist.", data.SubjectTreatment, data.ReasonWantsSpecialist},
}

// about fills in the person's first name.
func (c demoCase) about(first string) demoCase {
	r := strings.NewReplacer("{name}", first)
	c.problems, c.sideEffects, c.reason, c.outcome = r.Replace(c.problems), r.Replace(c.sideEffects), r.Replace(c.reason), r.Replace(c.outcome)
	return c
}
