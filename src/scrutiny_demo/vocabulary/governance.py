"""Activity, rehabilitation and governance themes: regime, education, release, staffing, records."""

THEMES = {
    "time-out-of-cell": {
        "title": "Time out of cell",
        "narrative": [
            "Time unlocked was very limited, and many prisoners spent more than 22 hours a day in their cells.",
            "Association was frequently cancelled at short notice because of staff shortages.",
            "Prisoners could go outside for exercise for 30 minutes a day, but this often clashed with other activities.",
            "The library was well stocked, but few prisoners were able to visit it regularly.",
            "The gym was well equipped, although sessions were oversubscribed.",
        ],
        "problems": [
            "Too many prisoners were locked in their cells for more than 22 hours a day",
            "The regime was unpredictable and association and exercise were frequently cancelled",
            "Prisoners had poor access to the library and the gym",
        ],
        "fixes": [
            "ensure that all prisoners have sufficient time unlocked to take part in activities, association and exercise",
            "deliver a predictable regime so that association and time in the open air are not cancelled at short notice",
            "ensure that all prisoners have regular access to the library and the gym",
        ],
        "strengths": [
            "An outdoor gym and a running club run by a local charity were used by many prisoners each week.",
        ],
        "notes": ["A revised regime was due to be introduced after the inspection."],
        "survey": ["Spent less than two hours out of cell on a weekday", "Went outside for exercise daily"],
    },
    "education-work": {
        "title": "Education, skills and work activities",
        "narrative": [
            "There were activity places for only {pct}% of the population, and many of them were part time.",
            "Attendance at education was low and sessions were often cancelled at short notice.",
            "Leaders had not completed an assessment of prisoners' reading, and too few received support with literacy.",
            "Work in the industries workshops was mundane and did not help prisoners to develop skills for employment.",
            "Achievement rates in vocational courses were high, and prisoners were proud of their qualifications.",
        ],
        "problems": [
            "There were not enough activity places, and many prisoners were unemployed",
            "Too few prisoners received support to improve their reading, and leaders did not know how many needed it",
            "Attendance and punctuality in education, skills and work were poor",
        ],
        "fixes": [
            "provide enough activity places for the population and make sure they are fully used",
            "assess the reading ability of all prisoners and provide effective support to those who need it",
            "improve attendance and punctuality at education, skills and work activities",
        ],
        "strengths": [
            "A partnership with a local employer guaranteed interviews to prisoners who completed the construction course, and several had been employed on release.",
        ],
        "notes": ["A new education provider had taken over the contract shortly before the inspection."],
        "survey": ["Were in paid work", "Were in education"],
    },
    "release-resettlement": {
        "title": "Rehabilitation and release planning",
        "narrative": [
            "Many prisoners had no up-to-date assessment of their risks and needs, and sentence plans were not reviewed.",
            "Prison offender managers had caseloads of around {num} and little time for meaningful contact.",
            "Public protection arrangements were sound, and contact restrictions were reviewed promptly.",
            "About {pct}% of prisoners were released without sustainable accommodation.",
            "Few accredited programmes were available, and waiting lists were long.",
        ],
        "problems": [
            "Too many prisoners did not have an up-to-date assessment of their risk and a sentence plan to reduce it",
            "Too many prisoners were released homeless or without sustainable accommodation",
            "Prisoners could not progress because there were not enough offending behaviour programmes",
            "Home detention curfew was often delayed, so eligible prisoners were released late",
        ],
        "fixes": [
            "ensure that every prisoner has an up-to-date assessment and a sentence plan that is reviewed regularly",
            "work with partners to ensure that prisoners are released to sustainable accommodation",
            "provide enough offending behaviour programmes to meet the needs of the population",
            "ensure that eligible prisoners are released on home detention curfew on their eligibility date",
        ],
        "strengths": [
            "A resettlement hub brought housing, banking and employment advisers together in one place in the weeks before release.",
        ],
        "notes": ["The probation reunification had changed the arrangements for pre-release teams."],
        "survey": ["Had a sentence plan", "Knew where they would live on release"],
    },
    "staffing": {
        "title": "Staffing",
        "narrative": [
            "Staff shortages were severe, and around {pct}% of officers had less than a year's experience.",
            "Officers were frequently redeployed from activities to cover basic duties on the wings.",
            "Mandatory training in first aid and control and restraint was not up to date for many staff.",
            "Staff sickness levels were high, and detached duty officers were used to fill gaps.",
        ],
        "problems": [
            "Staff shortages meant the regime was routinely curtailed and staff were redeployed from essential work",
            "Many staff had not completed mandatory training and inexperienced officers were not supported",
        ],
        "fixes": [
            "recruit and retain enough staff to deliver a full and predictable regime",
            "ensure that all staff complete mandatory training and that new officers are supported by experienced colleagues",
        ],
        "strengths": [
            "A staff well-being hub offered counselling, peer support and a quiet space, and sickness absence had fallen.",
        ],
        "notes": ["A national recruitment campaign was under way at the time of the inspection."],
        "survey": ["Said staff had time to help them"],
    },
    "leadership": {
        "title": "Leadership",
        "narrative": [
            "The governor had been in post for {num} months and had an accurate understanding of the prison's strengths and weaknesses.",
            "Leaders had developed a clear improvement plan, but progress against it was slow.",
            "Data were used well to understand safety, but less well to drive improvements in the regime.",
            "Leaders were visible on the wings, and staff spoke positively about the support they received.",
            "Too many recommendations from our previous inspection had not been achieved.",
        ],
        "problems": [
            "Leaders had not addressed the recommendations of the previous inspection, and progress had stalled",
            "Leaders did not use data effectively to identify and address the most important weaknesses",
            "Senior leaders were not visible on the wings and did not set clear expectations for staff",
        ],
        "fixes": [
            "develop and implement an action plan that addresses the concerns in this report",
            "make effective use of data to identify weaknesses, set priorities and monitor progress",
            "ensure that senior leaders are visible, set clear expectations and hold staff to account",
        ],
        "strengths": [
            "Leaders ran a monthly 'walk the floor' session with prisoner representatives, which had led to several practical improvements.",
        ],
        "notes": ["The prison had been designated a reception prison under national reconfiguration plans."],
        "survey": ["Said leaders were visible"],
    },
    "records": {
        "title": "Records and information",
        "narrative": [
            "Records of segregation and use of force were often incomplete, which limited effective oversight.",
            "Case notes on the electronic system were brief and rarely showed meaningful engagement.",
            "Information about prisoners' risks was not always shared between departments.",
        ],
        "problems": [
            "Record keeping was poor and key documents such as observation records were often incomplete",
            "Information about risk was not shared effectively between departments",
        ],
        "fixes": [
            "ensure that records, including observation and use of force records, are complete, accurate and audited",
            "ensure that information about risk is shared promptly between departments",
        ],
        "strengths": [
            "A single electronic record brought together safety, health and offender management information for each prisoner.",
        ],
        "notes": ["A new case management system was being introduced nationally."],
        "survey": ["Knew what was written about them"],
    },
}
