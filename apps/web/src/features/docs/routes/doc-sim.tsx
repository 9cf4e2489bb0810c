import source from '../../../../../../docs/sim.md?raw';
import { Markdown } from '../../../components/markdown';

/** The sim physics, published to learners (docs/sim.md). */
export default function Doc() {
  return (
    <article className="doc">
      <Markdown source={source} />
    </article>
  );
}
