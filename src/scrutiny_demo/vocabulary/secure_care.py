"""Children's secure care (Care Inspectorate), first part: relationships, safety, restraint,
single separation and wellbeing."""

THEMES = {
    "staff-relationships": {
        "title": "Relationships and keyworkers",
        "narrative": [
            "Young people had warm, trusting relationships with staff, and many spoke of their keyworker with affection.",
            "Each young person had a keyworker who met them regularly and knew them well.",
            "Staff used the language of the Promise and avoided institutional terms in records.",
            "Young people said staff listened to them and that they felt respected.",
            "Some young people had experienced many changes of keyworker, which affected their trust in staff.",
            "Staff understood the impact of trauma and responded with care and patience.",
            "Young people were involved in decisions about their day-to-day care.",
            "Young people's views were sought through house meetings and advocacy.",
        ],
        "problems": [
            "Young people had frequent changes of keyworker, which undermined their relationships with staff",
            "Staff did not always speak to young people with respect or use the language of the Promise",
            "Young people were not involved in decisions about their care and did not feel their views were respected",
        ],
        "fixes": [
            "ensure that young people have a consistent keyworker with whom they can build a trusting relationship",
            "ensure that staff speak to young people with respect and use language in line with the Promise",
            "involve young people in decisions about their care and show that their views are respected",
        ],
        "strengths": ["Young people chose their own keyworker after their first week, and relationships with staff were strong and respectful."],
    },
    "self-harm-suicide": {
        "title": "Keeping young people safe",
        "narrative": [
            "Risk assessments for young people at risk of self-harm were detailed and reviewed regularly.",
            "Safety plans had been written with young people and set out what helped them when distressed.",
            "Staff carried out observations of young people at risk of self-harm at the agreed intervals.",
            "Ligature risks in bedrooms had been assessed and reduced.",
            "Young people who had self-harmed were offered support from the mental health team.",
            "Some observation records were completed after the event rather than at the time.",
            "Child protection concerns were reported promptly to the local authority.",
            "Staff knew the risks for each young person and how to respond.",
        ],
        "problems": [
            "Risk assessments for young people at risk of self-harm were not reviewed after incidents",
            "Observations of young people at risk of suicide and self-harm were not carried out or recorded at the agreed intervals",
            "Safety plans for young people at risk of self-harm did not reflect their views or current risks",
            "Ligature risks in young people's bedrooms had not been assessed",
        ],
        "fixes": [
            "review risk assessments for young people at risk of self-harm after every incident",
            "ensure that observations of young people at risk of suicide and self-harm are carried out and recorded at the agreed intervals",
            "develop safety plans with young people at risk of self-harm that reflect their views and current risks",
            "assess and reduce ligature risks in young people's bedrooms",
        ],
        "strengths": ["Each young person at risk of self-harm had a safety plan written in their own words, and staff used it consistently."],
    },
    "use-of-force": {
        "title": "Restraint",
        "narrative": [
            "Restraint had been used {num} times in the previous six months, mostly for short periods.",
            "Staff used de-escalation well, and restraint was usually a last resort.",
            "Some restraints lasted longer than necessary, and the reasons were not recorded.",
            "Young people were offered a debrief after restraint with a member of staff they trusted.",
            "Managers reviewed every restraint and the learning was shared at team meetings.",
            "Prone restraint had been used on {num} occasions.",
            "Staff had completed training in the service's approach to physical intervention.",
            "Young people said restraint was sometimes used when talking could have worked.",
        ],
        "problems": [
            "Restraint of young people was not always a last resort and de-escalation was not attempted",
            "Young people were not offered a debrief after restraint",
            "Managers did not review restraint of young people to identify learning",
            "Prone restraint was used on young people without a recorded justification",
        ],
        "fixes": [
            "ensure that restraint of young people is used only as a last resort, after de-escalation",
            "offer every young person a debrief after restraint with a member of staff they trust",
            "review every restraint of a young person and share the learning with staff",
            "ensure that prone restraint of young people is avoided and, where used, fully justified",
        ],
        "strengths": ["Restraint of young people had fallen by half since managers began reviewing every incident with the staff involved."],
    },
    "segregation": {
        "title": "Single separation",
        "narrative": [
            "Single separation had been used {num} times, usually for short periods.",
            "Records of single separation did not always show when it ended or why.",
            "Young people in single separation were checked frequently and staff stayed nearby.",
            "Managers authorised each episode of single separation.",
            "Young people were sometimes kept in their bedrooms without this being recorded as single separation.",
            "The use of single separation had reduced since the last inspection.",
        ],
        "problems": [
            "Single separation of young people was not recorded fully, including when and why it ended",
            "Young people were kept in their bedrooms without this being recognised and recorded as single separation",
            "Single separation was not authorised by a manager",
        ],
        "fixes": [
            "record every episode of single separation fully, including when and why it ended",
            "recognise and record any restriction of a young person to their bedroom as single separation",
            "ensure that a manager authorises every episode of single separation",
        ],
        "strengths": ["Managers reviewed every single separation with the young person the next day, and its use had fallen sharply."],
    },
    "healthcare": {
        "title": "Health and wellbeing",
        "narrative": [
            "Young people had a health assessment soon after admission.",
            "A nurse was on site during the day, and young people could see a GP and dentist.",
            "Medication was stored safely and administered accurately.",
            "Young people were supported with sexual health, smoking and substance use.",
            "Some medication administration records had gaps.",
            "Young people's health needs were reflected in their care plans.",
        ],
        "problems": [
            "Young people did not receive a health assessment promptly after admission",
            "Medication administration records for young people had gaps",
            "Young people's health needs were not reflected in their care plans",
        ],
        "fixes": [
            "ensure that every young person receives a health assessment promptly after admission",
            "ensure that medication administration records for young people are complete and audited",
            "ensure that young people's health needs are reflected in their care plans",
        ],
        "strengths": ["A nurse met each young person on their first day, and health needs were well understood and met."],
    },
    "mental-health": {
        "title": "Emotional wellbeing and mental health",
        "narrative": [
            "Young people could see a psychologist and a child and adolescent mental health service worker on site.",
            "Some young people waited weeks for a mental health assessment.",
            "Staff used a trauma-informed approach and had received training in mental health.",
            "Young people's emotional wellbeing was discussed at weekly team meetings.",
            "Young people told us staff helped them when they felt low.",
        ],
        "problems": [
            "Young people waited too long for mental health assessment and support",
            "Staff had not been trained to support young people's mental health",
        ],
        "fixes": [
            "ensure that young people receive timely mental health assessment and support",
            "train staff to support young people's mental health using a trauma-informed approach",
        ],
        "strengths": ["An embedded mental health team worked alongside care staff, and young people received support for their mental health within days."],
    },
}
