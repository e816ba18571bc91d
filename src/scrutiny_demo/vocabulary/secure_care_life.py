"""Children's secure care, second part: family time, the house, education and moving on."""

THEMES = {
    "family-contact": {
        "title": "Family time",
        "narrative": [
            "Young people's family time was promoted, and families could visit in comfortable rooms.",
            "Families living far away were helped with travel costs and video calls.",
            "Young people could phone family members each day.",
            "Parents told us staff kept them informed and involved them in plans.",
            "Family time was occasionally cancelled because of staffing.",
            "Brothers and sisters were supported to keep in touch, in line with the Promise.",
        ],
        "problems": [
            "Family time for young people was cancelled because of staffing",
            "Families were not kept informed about young people's care or involved in plans",
            "Young people's contact with brothers and sisters was not actively supported",
        ],
        "fixes": [
            "ensure that young people's family time is not cancelled because of staffing",
            "keep families informed about young people's care and involve them in plans",
            "actively support young people's contact with their brothers and sisters, in line with the Promise",
        ],
        "strengths": ["Families could stay overnight in a flat on site, which young people and parents valued greatly."],
    },
    "living-conditions": {
        "title": "The setting",
        "narrative": [
            "The houses were clean, homely and well decorated.",
            "Young people had personalised their bedrooms with photographs and posters.",
            "Some bedrooms and shower rooms needed redecoration.",
            "Young people could use the outdoor space, gym and garden daily.",
            "The environment still felt institutional in places, with locked doors and bare corridors.",
            "Repairs were usually completed quickly.",
        ],
        "problems": [
            "Bedrooms and shower rooms in the houses were in poor condition",
            "The environment felt institutional and did not give young people a homely place to live",
            "Repairs to the accommodation were not completed promptly",
        ],
        "fixes": [
            "refurbish bedrooms and shower rooms so that young people live in clean, decent accommodation",
            "make the environment homely, involving young people in how their houses are decorated",
            "complete repairs to the accommodation promptly",
        ],
        "strengths": ["Young people had chosen the colours and furniture for their house, which felt homely and cared for."],
    },
    "education-work": {
        "title": "Education",
        "narrative": [
            "Young people attended education on site every weekday, and attendance was high.",
            "Teachers knew young people well and adapted lessons to their needs.",
            "Young people gained qualifications, including National 4 and 5 awards.",
            "Education was sometimes cancelled when staff were needed in the houses.",
            "Links with young people's home schools and colleges were good.",
            "Vocational learning, including cooking and joinery, was popular.",
        ],
        "problems": [
            "Education for young people was cancelled when staff were redeployed",
            "The curriculum did not meet the learning needs of all young people",
            "Young people's learning was not linked to their plans for moving on",
        ],
        "fixes": [
            "ensure that young people's education is not cancelled because staff are redeployed",
            "broaden the curriculum so that education meets the learning needs of every young person",
            "link young people's education and learning to their plans for moving on",
        ],
        "strengths": ["Every young person had an individual learning plan, and most gained a qualification in education during their stay."],
    },
    "release-resettlement": {
        "title": "Moving on",
        "narrative": [
            "Planning for moving on started soon after admission and involved the young person and their social worker.",
            "Some young people stayed longer than needed because no placement was available.",
            "Young people were supported to visit their next placement before moving.",
            "Continuing care was offered to young people who wished to stay on.",
            "Young people on remand or sentenced were supported with release planning and throughcare.",
            "Transitions were sometimes rushed, with little notice to the young person.",
        ],
        "problems": [
            "Young people's plans for moving on and release were not started early enough",
            "Young people stayed in secure care longer than needed because placements were not available on release from secure care",
            "Transitions for young people moving on were rushed, with little preparation",
        ],
        "fixes": [
            "start planning for young people's moving on and release soon after admission",
            "work with local authorities so that young people do not stay in secure care longer than needed awaiting a placement after release",
            "prepare young people well for moving on, including visits to their next placement before release",
        ],
        "strengths": ["Throughcare staff kept in touch with young people for months after release, and young people valued this continuing support."],
    },
}
