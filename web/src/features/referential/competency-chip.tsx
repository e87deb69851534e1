import { Link } from 'react-router';

/** A competency id (`C38`) linking to its entry in the referential. */
export function CompetencyChip({ id, title }: { id: string; title?: string }) {
  return (
    <Link className="chip" to={`/referentiel#${id}`} title={title}>
      {id}
    </Link>
  );
}

export function CompetencyChips({ ids, label }: { ids: string[]; label: string }) {
  return (
    <ul className="chips" aria-label={label}>
      {ids.map((id) => (
        <li key={id}>
          <CompetencyChip id={id} />
        </li>
      ))}
    </ul>
  );
}
