import simPhysics from '../../../../../../docs/sim.md?raw';
import { Markdown } from '../../../components/markdown';

/** The sim physics, published to learners: the same file as docs/sim.md, bundled at build time. */
export function SimDocsPage() {
  return (
    <article className="doc">
      <Markdown source={simPhysics} />
    </article>
  );
}
