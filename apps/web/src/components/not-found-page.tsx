import { Link } from 'react-router';

export function NotFoundPage() {
  return (
    <div className="empty">
      <h1>Page not found</h1>
      <p>There is nothing at this address.</p>
      <Link className="button" to="/">
        Back to the challenges
      </Link>
    </div>
  );
}
