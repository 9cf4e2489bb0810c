import { lazy, Suspense } from 'react';
import { NavLink, useParams } from 'react-router';
import { Loading } from '../../../components/loading';
import { NotFoundPage } from '../../../components/not-found-page';

/**
 * The documentation: the repository's own docs/*.md, bundled at build time. Each page is a chunk of
 * its own, loaded when opened, so the documents do not weigh on the app's first load.
 */
const PAGES = {
  'getting-started': { title: 'Getting started', Page: lazy(() => import('./doc-getting-started')) },
  dsl: { title: 'Pipeline DSL', Page: lazy(() => import('./doc-dsl')) },
  sim: { title: 'Sim physics', Page: lazy(() => import('./doc-sim')) },
  grading: { title: 'Grading', Page: lazy(() => import('./doc-grading')) },
} as const;
type DocName = keyof typeof PAGES;

export function DocsPage() {
  const { doc = 'getting-started' } = useParams();
  if (!(doc in PAGES)) return <NotFoundPage />;
  const { Page } = PAGES[doc as DocName];
  return (
    <div className="docs">
      <nav aria-label="Documentation" className="docs__nav">
        {(Object.keys(PAGES) as DocName[]).map((name) => (
          <NavLink key={name} to={name === 'getting-started' ? '/docs' : `/docs/${name}`} end>
            {PAGES[name].title}
          </NavLink>
        ))}
      </nav>
      <Suspense fallback={<Loading label="Loading the page" />}>
        <Page />
      </Suspense>
    </div>
  );
}
