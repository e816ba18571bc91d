"""Respect themes: living conditions, relationships, equality, complaints, food, healthcare."""

THEMES = {
    "living-conditions": {
        "title": "Living conditions",
        "narrative": [
            "Many cells designed for one person held two, and {pct}% of prisoners were living in overcrowded conditions.",
            "Communal areas on {unit} were clean, but showers were in poor condition and several were out of use.",
            "Many cell windows were broken or without curtains, and some toilets were unscreened.",
            "Prisoners could not always get clean bedding and clothing each week because the laundry was unreliable.",
            "Outside areas were well kept, with gardens and seating that prisoners appreciated.",
        ],
        "problems": [
            "Too many prisoners lived in overcrowded cells with unscreened toilets and inadequate ventilation",
            "Showers on several wings were dirty and in poor repair, and some prisoners could not shower daily",
            "Prisoners could not reliably get clean clothing, bedding and cleaning materials",
            "Many cells were cold because of broken windows that had not been repaired for months",
        ],
        "fixes": [
            "ensure that prisoners are not held in cells that are overcrowded and that all in-cell toilets are screened",
            "repair and refurbish the showers so that every prisoner can shower in decent conditions each day",
            "ensure that prisoners have weekly access to clean clothing, bedding and cleaning materials",
            "repair broken cell windows promptly and keep cells at a reasonable temperature",
        ],
        "strengths": [
            "Prisoners had decorated communal areas with murals, and the wing councils managed a small budget for improvements.",
            "A prisoner-run repair team fixed minor faults in cells within 48 hours of their being reported.",
        ],
        "notes": ["A programme to replace cell windows was scheduled to begin the following year."],
        "survey": ["Had clean sheets every week", "Could shower every day"],
    },
    "staff-relationships": {
        "title": "Staff-prisoner relationships",
        "narrative": [
            "Most prisoners said staff treated them with respect, and we saw many friendly and supportive interactions.",
            "Inexperienced staff lacked confidence, and some prisoners said officers rarely engaged with them.",
            "The key worker scheme was not operating consistently, and many prisoners did not know who their key worker was.",
            "Prisoner representatives attended regular consultation meetings with senior leaders.",
            "In our survey, {pct}% of prisoners said there was a member of staff they could turn to if they had a problem.",
        ],
        "problems": [
            "Many staff were inexperienced and did not engage with prisoners or challenge poor behaviour",
            "The key worker scheme was not delivered, so prisoners lacked regular contact with an officer who knew them",
            "Consultation with prisoners was limited and prisoners did not feel their views were heard",
        ],
        "fixes": [
            "ensure that staff are supported and supervised to engage positively with prisoners and to challenge poor behaviour",
            "deliver the key worker scheme so that every prisoner has regular, meaningful contact with a named officer",
            "consult prisoners regularly and tell them what action has been taken in response to their views",
        ],
        "strengths": [
            "Newly recruited officers were paired with experienced mentors for their first six months, which had improved retention and confidence.",
        ],
        "notes": ["The key worker scheme had been relaunched shortly before the inspection."],
        "survey": ["Said most staff treated them with respect", "Had a member of staff to turn to"],
    },
    "equality": {
        "title": "Equality, diversity and faith",
        "narrative": [
            "Equality data were collected but not analysed to identify and address disparities in treatment.",
            "Black and minority ethnic prisoners reported more negatively than white prisoners about their treatment.",
            "There were {num} foreign national prisoners, and professional interpreting was rarely used.",
            "The chaplaincy was well integrated and provided pastoral support to prisoners of all faiths and none.",
            "Older prisoners and those with disabilities were not always identified, and some lacked the equipment they needed.",
        ],
        "problems": [
            "Leaders did not analyse equality data or act on the poorer outcomes reported by minority ethnic prisoners",
            "Prisoners with disabilities did not always receive the adjustments and equipment they needed",
            "Professional interpreting was rarely used, so prisoners who did not speak English could not understand key information",
        ],
        "fixes": [
            "analyse equality data, investigate disparities and act to address any unfair treatment of protected groups",
            "identify prisoners with disabilities on arrival and provide the adjustments and equipment they need",
            "use professional interpreting whenever a prisoner who does not speak English is given important information",
        ],
        "strengths": [
            "Forums for minority ethnic, older and disabled prisoners were run jointly with community organisations and fed directly into the equality action plan.",
        ],
        "notes": ["The chaplaincy was reviewing its provision for prisoners of minority faiths."],
        "survey": ["Were from a minority ethnic group", "Considered themselves to have a disability"],
    },
    "complaints": {
        "title": "Complaints",
        "narrative": [
            "There had been {num} complaints in the previous six months, and most were answered on time.",
            "Responses to complaints were generally polite, but some did not address the issue raised.",
            "Prisoners could not always obtain complaint forms, and boxes were not emptied every day on all wings.",
            "Legal correspondence was sometimes opened outside the presence of the prisoner.",
        ],
        "problems": [
            "Responses to complaints were often late and did not address the concerns raised",
            "Complaint forms were not freely available and prisoners lacked confidence in the system",
            "Confidential legal correspondence was opened in error too often",
        ],
        "fixes": [
            "ensure that complaints are answered on time and that responses address the issues raised",
            "make complaint forms freely available on every wing and ensure that complaints can be made confidentially",
            "ensure that confidential legal correspondence is not opened unless the prisoner is present",
        ],
        "strengths": [
            "Every complaint response was quality assured by a manager, and trends were discussed at the monthly senior leadership meeting.",
        ],
        "notes": ["A digital complaints system was due to be introduced."],
        "survey": ["Found it easy to make a complaint"],
    },
    "food": {
        "title": "Food",
        "narrative": [
            "Food was reasonable, but portions were small and the evening meal was served too early.",
            "The kitchen was clean and well managed, and prisoners working there could gain food hygiene qualifications.",
            "Serveries were not supervised well enough, and we saw prisoners handling food without protective clothing.",
            "Self-catering facilities were available on only one wing.",
        ],
        "problems": [
            "Food was of poor quality, portions were small and lunch was served as early as 11am",
            "Servery hygiene was poor and food handling was not properly supervised",
        ],
        "fixes": [
            "ensure that meals are nutritious, sufficient in quantity and served at appropriate times",
            "ensure that serveries are supervised and that prisoners handling food wear protective clothing",
        ],
        "strengths": [
            "The kitchen had worked with prisoners to design a menu that met cultural and dietary needs, and satisfaction with the food was high.",
        ],
        "notes": ["The kitchen extraction system was due to be replaced."],
        "survey": ["Said the food was good", "Got enough to eat at mealtimes"],
    },
    "healthcare": {
        "title": "Health, well-being and social care",
        "narrative": [
            "Health services were commissioned by NHS England and delivered by a single provider.",
            "Waiting times for the GP were around {days} days, which was reasonable.",
            "Medicines administration queues were poorly supervised, and prisoners could be pressured into handing over medicines.",
            "Dental waiting lists were long, with more than {num} prisoners waiting for treatment.",
            "Health care staff were caring, and patients we spoke to valued their support.",
            "Missed hospital appointments were common because of a shortage of escort staff.",
        ],
        "problems": [
            "Medicines were administered at hatches where patients could be bullied and confidentiality was not protected",
            "Patients waited too long for dental treatment and many were in pain",
            "Too many external hospital appointments were cancelled because escorts were not available",
            "Patients with long-term conditions did not have care plans and were not reviewed regularly",
        ],
        "fixes": [
            "ensure that medicines administration is supervised by officers and that patient confidentiality is protected",
            "reduce waiting times for dental treatment so that they are equivalent to those in the community",
            "ensure that external hospital appointments are not cancelled because of a lack of escorts",
            "ensure that all patients with long-term conditions have a care plan and regular reviews",
        ],
        "strengths": [
            "A health champions scheme trained prisoners to promote health checks and vaccinations on their wings.",
            "Patients who declined hospital appointments were seen by a nurse within 24 hours to explore their reasons.",
        ],
        "notes": ["A new health care contract was due to start the following April."],
        "survey": ["Said the quality of health services was good", "Found it easy to see the dentist"],
    },
    "mental-health": {
        "title": "Mental health care",
        "narrative": [
            "The mental health team received around {num} referrals a month and triaged urgent cases on the day of referral.",
            "There were long delays in transferring acutely unwell patients to hospital under the Mental Health Act.",
            "Psychological therapies were limited, and the waiting list was more than {days} days.",
            "Staff had received training in mental health awareness, and most felt confident in supporting prisoners.",
        ],
        "problems": [
            "Acutely unwell patients waited far too long for transfer to hospital under the Mental Health Act",
            "Psychological therapies were not available to many of those who needed them",
        ],
        "fixes": [
            "ensure that patients requiring transfer to hospital under the Mental Health Act are transferred within the 28-day target",
            "provide timely psychological therapies to all patients who need them",
        ],
        "strengths": [
            "A day service for prisoners with complex mental health needs offered structured activity and helped many to return to work or education.",
        ],
        "notes": ["The mental health in-reach service had recently been recommissioned."],
        "survey": ["Said they had mental health problems"],
    },
    "family-contact": {
        "title": "Children and families and contact with the outside world",
        "narrative": [
            "Social visits took place {num} times a week, but sessions often started late.",
            "The visitors centre was welcoming, and the family support worker helped families with practical problems.",
            "Secure video calls were available and well used by prisoners whose families lived far away.",
            "In-cell telephones had improved contact with families, although calls were expensive.",
        ],
        "problems": [
            "Visits sessions frequently started late and families lost much of their time with prisoners",
            "Family support was limited and prisoners with children had few opportunities for family days",
        ],
        "fixes": [
            "ensure that visits start on time and that visitors receive their full allocation",
            "provide family days and family support work for all prisoners who need them",
        ],
        "strengths": [
            "Homework clubs allowed prisoners to help their children with school work during extended visits.",
        ],
        "notes": ["The visits hall was being refurbished at the time of the inspection."],
        "survey": ["Had a visit in the last month", "Said staff helped them keep in touch with family"],
    },
}
