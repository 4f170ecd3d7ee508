"""The commented starter file written by ``partnercheck init``. A test keeps it valid."""

STARTER = """\
# yaml-language-server: $schema=partnership.schema.json
# A partnercheck partnership file (format 1). Fill in each section, then run:
#   partnercheck assess partnership.yaml
# Reference: docs/format.md. Keys starting with "x-" are yours and are ignored.
partnercheck: 1

partnership:
  name: Our Partnership                 # required
  form: consortium                      # joint-venture | strategic-alliance |
                                        # public-private-partnership | consortium | network | other
  purpose: Why the partnership exists, in one sentence
  started: 2026-01-01
  currency: GBP                         # for funding amounts
  agreement:
    signed: 2025-12-15
    review_due: 2027-12-15              # when the agreement itself is reviewed
    exit_terms: Three months' written notice; shared assets return to their contributor

partners:                               # at least two; ids are [a-z0-9-]+
  - id: first-partner
    name: First Partner Organisation
    sector: public                      # public | private | nonprofit | academic | community
    contributions:
      - type: funding                   # funding | staff | expertise | data | facilities |
        amount: 50000                   # equipment | network | other
        description: Share of the pooled budget
    benefits:
      - What this partner gains
  - id: second-partner
    name: Second Partner Organisation
    sector: nonprofit
    contributions:
      - type: staff
        fte: 1.0
        description: Project coordinator
    benefits:
      - What this partner gains

goals:
  - id: G1
    objective: The first shared objective
    owner: first-partner                # one accountable partner
    shared_by: [first-partner, second-partner]
    indicator: How progress is measured
    baseline: 0
    target: 100
    due: 2027-12-31

vision:
  statement: The change the partners want to see together, in a sentence or two.
  values: [openness, shared responsibility]
  agreed_by: [first-partner, second-partner]

communication:
  meetings:
    - name: Partnership board
      frequency: monthly                # weekly | fortnightly | monthly | quarterly |
      attendees: [first-partner, second-partner]  # twice-yearly | annually | ad-hoc
      minutes_shared: true
  channels: [Shared workspace]
  information_sharing: How information and data are shared between partners
  conflict_resolution:
    process: Disputes go to the board; if unresolved, to an independent mediator
    escalation: [partnership board, chief executives, independent mediator]

resources:
  pooled_budget: 50000
  shared_assets: [shared workspace]
  knowledge_sharing: How partners share what they learn
  skills_exchange: How partners share skills (secondments, training)

governance:
  decision_making:
    body: Partnership board
    rule: consensus                     # consensus | majority | supermajority |
                                        # weighted-vote | lead-partner
  chair:
    partner: first-partner
    rotates: annually

roles:
  - partner: first-partner
    responsibilities: [Holds the pooled budget]
  - partner: second-partner
    responsibilities: [Coordinates the programme]

evaluation:
  review_frequency: quarterly
  last_review: 2026-01-01
  methods: [performance-indicators, partner-survey]
  involves: [first-partner, second-partner]
  kpis:
    - name: Progress on G1
      goal: G1
      baseline: 0
      target: 100
      current: 0
  improvements: []

risks:
  - challenge: resource-investment      # conflict | power-imbalance | resource-investment |
    description: What could go wrong     # logistics | other
    mitigation: What the partners do about it
    owner: second-partner
"""
