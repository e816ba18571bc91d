"""Nation words: Scottish prisons speak of halls, SPS, personal officers and Talk to Me;
Northern Ireland's of NIPS, landings, SPAR Evolution and the Prisoner Ombudsman."""

SCOTLAND = {
    "units": ["Ailsa hall", "Bute hall", "Cumbrae hall", "Arran hall", "Iona hall", "the admissions hall",
              "the Separation and Reintegration Unit", "the top-end hall"],
    "blocked": ["Ombudsman", "HMPPS", "NOMS", "challenge, support and intervention", "Independent Monitoring Board",
                "PAVA", "OASys", "kiosk", "Houseblock"],
    "swaps": [(r"\ban ACCT\b", "a Talk to Me care plan"), (r"\bACCT\b", "Talk to Me"),
              (r"\bkey worker\b", "personal officer"), (r"\bkey workers\b", "personal officers"),
              (r"\bwings\b", "halls"), (r"\bwing\b", "hall"), (r"care and separation unit", "Separation and Reintegration Unit")],
    "themes": {
        "self-harm-suicide": {
            "narrative": [
                "Talk to Me case conferences were well attended, and prisoners were encouraged to take part.",
                "The SPS Talk to Me strategy was understood by staff, but refresher training was overdue.",
                "Deaths in custody were followed by a Fatal Accident Inquiry, and the prison had acted on recent determinations.",
            ],
            "problems": ["Talk to Me care plans did not reflect the individual needs of prisoners at risk of suicide and self-harm"],
            "fixes": ["ensure that Talk to Me care plans address the individual needs of each prisoner at risk of self-harm"],
        },
        "staff-relationships": {
            "narrative": ["Personal officers knew the prisoners on their hall well, and prisoners spoke positively about them."],
        },
        "release-resettlement": {
            "narrative": ["Throughcare support officers had been withdrawn, and SPS relied on third-sector partners for release planning.",
                          "Integrated case management case conferences were held on time."],
        },
        "leadership": {"narrative": ["SPS headquarters had supported the prison with additional staff for the halls."]},
    },
}

NORTHERN_IRELAND = {
    "units": ["Bann House", "Erne House", "Foyle House", "Lagan House", "Quoile House", "Roe House",
              "the Care and Supervision Unit", "the committal landing"],
    "blocked": ["HMPPS", "NOMS", "challenge, support and intervention", "PAVA", "OASys", "Houseblock"],
    "swaps": [(r"\ban ACCT\b", "a SPAR Evolution plan"), (r"\bACCT\b", "SPAR Evolution"),
              (r"Prisons and Probation Ombudsman", "Prisoner Ombudsman"),
              (r"\bwings\b", "landings"), (r"\bwing\b", "landing"),
              (r"care and separation unit", "Care and Supervision Unit")],
    "themes": {
        "self-harm-suicide": {
            "narrative": [
                "SPAR Evolution (Supporting People at Risk) plans were opened promptly, and reviews involved healthcare staff from the South Eastern Health and Social Care Trust.",
                "NIPS had acted on most recommendations from Prisoner Ombudsman investigations into deaths in custody.",
            ],
            "problems": ["SPAR Evolution plans for prisoners at risk of self-harm were generic and did not address individual triggers"],
            "fixes": ["ensure that SPAR Evolution plans address the individual triggers of each prisoner at risk of self-harm"],
        },
        "violence": {"narrative": ["The Progressive Regimes and Earned Privileges Scheme (PREPS) was applied inconsistently across the landings."]},
        "release-resettlement": {"narrative": ["The Prisoner Development Unit co-ordinated resettlement planning with the Probation Board for Northern Ireland."]},
        "leadership": {"narrative": ["NIPS had published an action plan in response to the last inspection."]},
    },
}

CUSTODY_NORTHERN_IRELAND = {
    "swaps": [(r"\bthe force\b", "the PSNI"), (r"\bThe force\b", "The PSNI")],
    "themes": {"early-days": {"narrative": ["Custody sergeants at the PSNI suites explained rights under PACE (NI) clearly."]}},
}

REGIONS = {
    ("prison", "scotland"): SCOTLAND,
    ("prison", "northern-ireland"): NORTHERN_IRELAND,
    ("custody", "northern-ireland"): CUSTODY_NORTHERN_IRELAND,
}
