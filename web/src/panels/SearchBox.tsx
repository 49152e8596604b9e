/**
 * Find a commune or district by name, with or without diacritics ("ba hien" → Bá Hiến), and
 * fly to it. The server folds the text (server/contract/fold.ts); this is an ARIA combobox.
 */
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import type { SearchHit } from '#contract/api';
import { searchUnits } from '../api/client';
import { useI18n } from '../i18n/i18n';

/** Wait for a pause in typing before asking the server. */
const DEBOUNCE_MS = 180;
const MAX_HITS = 8;
const MIN_QUERY_LENGTH = 2;

export function SearchBox({ onSelect }: { onSelect: (hit: SearchHit) => void }) {
  const { t } = useI18n();
  const id = useId();
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<SearchHit[]>([]);
  const [active, setActive] = useState(0);
  const [open, setOpen] = useState(false);
  const [failed, setFailed] = useState(false);
  const [answeredFor, setAnsweredFor] = useState('');
  /** The name just chosen: showing it in the box must not search (and open the list) again. */
  const chosen = useRef<string | null>(null);

  useEffect(() => {
    const q = query.trim();
    if (q.length < MIN_QUERY_LENGTH || q === chosen.current) {
      setHits([]);
      return;
    }
    const controller = new AbortController();
    const timer = window.setTimeout(() => {
      searchUnits(q, MAX_HITS, controller.signal).then(
        (result) => {
          setHits(result);
          setAnsweredFor(q);
          setActive(0);
          setFailed(false);
          setOpen(true);
        },
        () => {
          if (!controller.signal.aborted) setFailed(true);
        },
      );
    }, DEBOUNCE_MS);
    return () => {
      window.clearTimeout(timer);
      controller.abort();
    };
  }, [query]);

  function choose(hit: SearchHit | undefined) {
    if (!hit) return;
    onSelect(hit);
    chosen.current = hit.name;
    setQuery(hit.name);
    setOpen(false);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      setOpen(true);
      setActive((i) => Math.min(hits.length - 1, i + 1));
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setActive((i) => Math.max(0, i - 1));
    } else if (event.key === 'Enter') {
      event.preventDefault();
      choose(hits[active]);
    } else if (event.key === 'Escape') {
      setOpen(false);
    }
  }

  const listId = `${id}-list`;
  const showList = open && hits.length > 0;
  return (
    <div className="panel search">
      <label className="panel__title" htmlFor={`${id}-input`}>
        {t('search.title')}
      </label>
      <input
        id={`${id}-input`}
        type="search"
        role="combobox"
        aria-expanded={showList}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={showList ? `${id}-hit-${active}` : undefined}
        placeholder={t('search.placeholder')}
        value={query}
        onChange={(e) => {
          chosen.current = null;
          setQuery(e.target.value);
          setOpen(true);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => window.setTimeout(() => setOpen(false), DEBOUNCE_MS)}
        data-testid="search-input"
      />
      {failed && <p className="search__error" role="alert">{t('search.failed')}</p>}
      {showList && (
        <ul id={listId} role="listbox" className="search__list" aria-label={t('search.results')}>
          {hits.map((hit, i) => (
            <li
              key={hit.code}
              id={`${id}-hit-${i}`}
              role="option"
              aria-selected={i === active}
              className="search__hit"
              data-code={hit.code}
              onMouseDown={(e) => {
                e.preventDefault();
                choose(hit);
              }}
            >
              <span>
                {hit.type} {hit.name}
              </span>
              {hit.district_name && <span className="search__district">{hit.district_name}</span>}
            </li>
          ))}
        </ul>
      )}
      {open && answeredFor === query.trim() && answeredFor.length >= MIN_QUERY_LENGTH && hits.length === 0 && !failed && (
        <p className="search__empty">{t('search.none')}</p>
      )}
    </div>
  );
}
