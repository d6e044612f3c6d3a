import { Link } from 'react-router';

export function NotFoundPage() {
  return (
    <div className="home">
      <section className="home-card">
        <h1>Page not found</h1>
        <p className="muted">
          There is nothing at this address. <Link to="/">Go to the home page</Link>.
        </p>
      </section>
    </div>
  );
}
