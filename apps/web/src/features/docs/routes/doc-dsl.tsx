import source from '../../../../../../docs/dsl.md?raw';
import { Markdown } from '../../../components/markdown';

/** The pipeline DSL reference, checked against the schema by a test (docs/dsl.md). */
export default function Doc() {
  return (
    <article className="doc">
      <Markdown source={source} />
    </article>
  );
}
