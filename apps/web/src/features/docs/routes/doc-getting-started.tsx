import source from '../../../../../../docs/getting-started.md?raw';
import { Markdown } from '../../../components/markdown';

/** Getting started: the first rep, what makes a pipeline score, the CLI (docs/getting-started.md). */
export default function Doc() {
  return (
    <article className="doc">
      <Markdown source={source} />
    </article>
  );
}
