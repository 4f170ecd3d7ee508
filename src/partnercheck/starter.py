"""The commented starter files written by ``partnercheck init``. A test keeps them valid.

Every piece of text in a starter is a "TODO: ..." prompt, which partnercheck
reads as a placeholder (PC001): an untouched starter validates, but assesses
as the empty partnership it is, and fails a default CI run.
"""

SCHEMA_FILE = "partnership.schema.json"

_HEAD = f"""\
# yaml-language-server: $schema=./{SCHEMA_FILE}
# A partnercheck partnership file. Replace every "TODO: ..." with what the partners
# have actually agreed (partnercheck reads TODO text as missing), then run:
#   partnercheck assess {{file}}
# Reference: docs/format.md. Keys starting with "x-" are yours and are ignored.
"""

_BODY = """\
partnership:
  name: "TODO: the partnership's name"   # required
  form: consortium                      # joint-venture | strategic-alliance |
                                        # public-private-partnership | consortium | network | other
  purpose: "TODO: why the partnership exists, in one sentence"
  # started: 2026-01-01
  currency: GBP                         # for money amounts
  agreement:
    # signed: 2026-01-01                # the date every partner signed
    # review_due: 2027-01-01            # when the agreement itself is reviewed
    exit_terms: "TODO: how a partner leaves and what happens to shared assets"

partners:                               # at least two; ids are lower-case a-z, 0-9 and -
  - id: partner-a
    name: "TODO: first partner's name"
    sector: public                      # public | private | nonprofit | academic | community
    contributions:
      - type: funding                   # funding | staff | in-kind | expertise | data |
        # amount: 50000                 # facilities | equipment | network | other
        description: "TODO: what this partner brings"
    benefits:
      - "TODO: what this partner gains"
  - id: partner-b
    name: "TODO: second partner's name"
    sector: nonprofit
    contributions:
      - type: staff
        # fte: 1.0
        description: "TODO: what this partner brings"
    benefits:
      - "TODO: what this partner gains"

goals:
  - id: G1
    objective: "TODO: the first shared objective"
    owner: partner-a                    # one accountable partner
    shared_by: [partner-a, partner-b]
    indicator: "TODO: how progress is measured"
    # baseline: 0
    # target: 100
    # due: 2027-12-31

vision:
  statement: "TODO: the change the partners want to see together"
  values: ["TODO: a value the partners share"]
  agreed_by: [partner-a, partner-b]

communication:
  meetings:
    - name: Partnership board
      frequency: monthly                # weekly | fortnightly | monthly | bi-monthly | quarterly |
      attendees: [partner-a, partner-b] # twice-yearly | annually | biennially | ad-hoc
      minutes_shared: true
  channels: ["TODO: how partners keep in touch between meetings"]
  information_sharing: "TODO: how information and data are shared between partners"
  conflict_resolution:
    process: "TODO: how disputes are settled, ending with someone independent"

resources:
  # pooled_budget: 50000
  shared_assets: ["TODO: what the partners use in common"]
  knowledge_sharing: "TODO: how partners share what they learn"
  skills_exchange: "TODO: how partners share skills (secondments, training)"

governance:
  decision_making:
    body: Partnership board
    rule: consensus                     # consensus | majority | supermajority |
                                        # weighted-vote | lead-partner
  chair:
    partner: partner-a
    rotates: annually

roles:
  - partner: partner-a
    responsibilities: ["TODO: what partner-a is responsible for"]
  - partner: partner-b
    responsibilities: ["TODO: what partner-b is responsible for"]

evaluation:
  review_frequency: quarterly
  # last_review: 2026-03-31
  methods: [performance-indicators, service-user-feedback]
  involves: [partner-a, partner-b]
  kpis:
    - name: "TODO: the indicator for G1"
      goal: G1
      # baseline: 0
      # target: 100
      # current: 0
  improvements: []

risks:
  - challenge: resource-investment      # conflict | power-imbalance | resource-investment |
    description: "TODO: what could go wrong"   # logistics | other
    mitigation: "TODO: what the partners do about it"
    owner: partner-b
"""

_V11 = """\

# --- Format 1.1: uncomment what your partnership needs -------------------------------
# members:                              # people or bodies that are not partners
#   - id: indep-chair
#     name: "TODO: the independent chair"
#     kind: independent                 # independent | funder | observer | secretariat |
#                                       # advisor | community
# workstreams:
#   - id: WP1
#     name: "TODO: the workstream's name"
#     lead: partner-a
#     partners: [partner-a, partner-b]
#     goals: [G1]
#
# In governance, several bodies instead of decision_making:
#   bodies:
#     - id: board
#       name: Partnership board
#       decides: "TODO: what it decides"
#       members: [partner-a, partner-b, indep-chair]
#       rule: consensus
#       chair: indep-chair
#       meets: quarterly
#
# On a partner:   standing: member | associate | beneficiary | host
#                 joined: 2026-01-01   left: 2027-06-30
#                 receives: [{amount: 10000, description: "TODO: what it is paid for"}]
# On a goal:      status: on-track | off-track | met | missed | dropped
#                 status_date: 2026-09-30
# On a KPI:       better: higher | lower
#                 readings: [{date: 2026-03-31, value: 12}]
# On a risk:      covers: [PC722]       # the rule ids (or partner ids) it mitigates
# partnership:    fte_cost: 55000       # values staff time against money
# agreement:      statutory: "TODO: the law that sets the membership"
"""


def starter(file: str, version: str = "1") -> str:
    """The starter file's text, for format ``1`` or ``1.1``."""
    head = _HEAD.format(file=file)
    if version == "1.1":
        return head + "partnercheck: 1.1\n\n" + _BODY + _V11
    return head + "partnercheck: 1\n\n" + _BODY


STARTER = starter("partnership.yaml")
