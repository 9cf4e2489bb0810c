import source from '../../../../../../docs/grading.md?raw';
import { Markdown } from '../../../components/markdown';

/** Where grading runs, its limits and which models grade what (docs/grading.md). */
export default function Doc() {
  return (
    <article className="doc">
      <Markdown source={source} />
    </article>
  );
}
