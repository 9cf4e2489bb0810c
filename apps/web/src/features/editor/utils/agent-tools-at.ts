import { isMap, isScalar, isSeq, parseDocument, visit } from 'yaml';

/**
 * The tool names of the agent step whose text holds `offset`: what its prompt, its system text and
 * its stop_when expression can name. The YAML parser keeps going past a half-typed line, so this
 * works while the learner types; an agent whose tools do not parse yet has none to offer.
 */
export function agentToolsAt(text: string, offset: number): string[] {
  const doc = parseDocument(text, { keepSourceTokens: false });
  let found: string[] = [];
  visit(doc, {
    Pair(_, pair) {
      if (!isScalar(pair.key) || pair.key.value !== 'agent' || !isMap(pair.value)) return;
      const range = pair.value.range;
      // The innermost agent wins: one inside a tool's steps is visited after the agent holding it.
      if (!range || offset < range[0] || offset > range[2]) return;
      const tools = pair.value.get('tools');
      found = isSeq(tools)
        ? tools.items.flatMap((tool) => {
            const name = isMap(tool) ? tool.get('name') : undefined;
            return typeof name === 'string' && name ? [name] : [];
          })
        : [];
    },
  });
  return [...new Set(found)];
}
