import { inputPathWarnings } from './input-warnings';

/** support-ticket-routing's input: tickets with id, received, channel, customer, subject, body. */
const schema = {
  type: 'object',
  required: ['tickets'],
  additionalProperties: false,
  properties: {
    tickets: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        properties: Object.fromEntries(
          ['id', 'received', 'channel', 'customer', 'subject', 'body'].map((k) => [k, { type: 'string' }]),
        ),
      },
    },
  },
};
const shape = { schema, examples: [] };

const mapOver = (map: string, prompt: string) => `name: routing
steps:
  - id: routed
    map: ${map}
    step:
      llm:
        model: sim-mini
        prompt: |
          Route this ticket.
          ${prompt}
  - id: result
    output: "({ routes: routed })"
`;

const warnings = (text: string, s = shape) =>
  inputPathWarnings(text, s).map((w) => `${w.line}:${w.column} ${w.message}`);

describe('inputPathWarnings', () => {
  it('warns at the template when a map’s item is read for a property the items do not have', () => {
    const found = inputPathWarnings(mapOver('input.tickets', 'Ticket {{ item.id }}: {{ item.text }}'), shape);
    expect(found).toEqual([
      {
        message:
          '`item.text`: the items of input.tickets have no property text (they have: id, received, channel, customer, subject, body)',
        line: 10,
        column: 36,
        source: 'input',
        severity: 'warning',
      },
    ]);
    expect(warnings(mapOver('input.tickets', '{{ item.subject }} {{ item.body.trim() }}'))).toEqual([]);
  });

  it('warns about input paths in expressions and code, and not about methods or lengths', () => {
    const text = `name: t
steps:
  - id: count
    code: |
      const n = input.tickets.length
      return input.ticket.map((t) => t.body).concat(input['tickets'][0].sender)
  - id: result
    output: "({ n: count, first: input.tickets[0].subject.toUpperCase(), s: input.toString() })"
`;
    expect(warnings(text)).toEqual([
      '6:14 `input.ticket`: input has no property ticket (it has: tickets)',
      '6:53 `input.tickets[0].sender`: input.tickets[0] has no property sender (it has: id, received, channel, customer, subject, body)',
    ]);
  });

  it('says nothing about step outputs, a local `item`, or an item of a map over one', () => {
    const overStep = `name: t
steps:
  - id: tickets
    code: return input.tickets.map((item) => item.text)
  - id: routed
    map: tickets
    step: { llm: { model: sim-mini, prompt: "{{ item.text }} {{ tickets[0].text }}" } }
`;
    expect(warnings(overStep)).toEqual([]);
  });

  it('warns once for a map over a path the input does not have, at the map', () => {
    expect(warnings(mapOver('input.tikets', '{{ item.text }}'))).toEqual([
      '4:10 `input.tikets`: input has no property tikets (it has: tickets)',
    ]);
  });

  it('follows nested maps, branches and loops inside a map', () => {
    const nested = {
      schema: {
        type: 'object',
        properties: {
          orders: {
            type: 'array',
            items: { $ref: '#/definitions/order' },
          },
        },
        definitions: {
          order: {
            type: 'object',
            properties: {
              id: { type: 'string' },
              lines: { type: 'array', items: { type: 'object', properties: { sku: {}, qty: {} } } },
            },
          },
        },
      },
      examples: [],
    };
    const text = `name: t
steps:
  - id: per_order
    map: input.orders
    steps:
      - id: per_line
        map: item.lines
        step:
          branch:
            cases:
              - when: item.qty > 0
                steps: [{ id: a, code: "return item.price" }]
      - id: checked
        loop: { steps: [{ id: b, code: "return item.ID" }], until: "true", max_iterations: 2 }
`;
    expect(warnings(text, nested)).toEqual([
      '12:48 `item.price`: the items of item.lines have no property price (they have: sku, qty)',
      '14:48 `item.ID`: the items of input.orders have no property ID (they have: id, lines)',
    ]);
  });

  it('reads the public inputs where the schema lists no properties', () => {
    const loose = {
      schema: { type: 'object' },
      examples: [{ doc: { title: 'a', text: 'b' } }, { doc: { title: 'c' } }],
    };
    const text =
      'name: t\nsteps:\n  - id: r\n    output: "[input.doc.title, input.doc.text, input.doc.body]"\n';
    expect(warnings(text, loose)).toEqual([
      '4:48 `input.doc.body`: input.doc has no property body (it has: title, text)',
    ]);
    // With neither a schema that lists properties nor public inputs, nothing is known.
    expect(warnings(text, { schema: { type: 'object' }, examples: [] })).toEqual([]);
    // A dictionary (additionalProperties as a schema) takes any key.
    const dict = { schema: { type: 'object', additionalProperties: { type: 'object' } }, examples: [] };
    expect(warnings(text, dict)).toEqual([]);
  });

  it('says nothing while the YAML does not parse or a snippet has a syntax error', () => {
    expect(warnings('name: t\nsteps:\n  - id: a\n    code: [1, 2\n')).toEqual([]);
    expect(warnings(mapOver('input.tickets', '{{ item.text ( }}'))).toEqual([]);
  });
});
