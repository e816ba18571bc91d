"""Prison additions: more evidence and findings for the prison themes, so long reports vary."""

THEMES = {
    "early-days": {
        "narrative": [
            "Reception staff were friendly and efficient, and most new arrivals were located on the first night centre within two hours.",
            "Some new arrivals had spent their first night on a general wing because the first night centre was full.",
            "Prisoners on their first night were checked more often than others, and the checks were recorded.",
            "The induction booklet was out of date and referred to services that no longer existed.",
        ],
        "problems": ["New arrivals were located on general wings on their first night because the first night centre was full"],
        "fixes": ["ensure that all new arrivals spend their first night in a dedicated first night centre with enhanced checks"],
        "notes": ["A new first night centre was due to open later in the year."],
    },
    "self-harm-suicide": {
        "narrative": [
            "Prisoners subject to ACCT case management told us staff checked on them but rarely talked with them.",
            "The quality of ACCT reviews had improved, and most now included the prisoner's key worker.",
            "Listeners had received little support from the establishment since the pandemic.",
        ],
        "notes": ["The Samaritans were recruiting a new group of Listeners."],
    },
    "violence": {"notes": ["A new violence reduction strategy had been launched the month before the inspection."]},
    "use-of-force": {"notes": ["Staff were being retrained in de-escalation techniques."]},
    "segregation": {"notes": ["A segregation review panel had been set up shortly before the inspection."]},
    "security-searching": {"notes": ["A body scanner was due to be installed in reception."]},
    "substance-misuse": {"notes": ["The substance misuse contract had recently changed provider."]},
}
