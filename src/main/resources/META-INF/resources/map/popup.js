// What a popup says about incidents: every incident under the click (several when they share a point), each with
// its title, date and precision, category, fatalities, actors, place and sources as links. Built as DOM nodes,
// never from HTML strings, so that stored text is shown as text.
import {CATEGORIES} from './state.js';

const LABELS = Object.fromEntries(CATEGORIES.map(c => [c.id, c.label]));

function element(tag, text, attributes = {}) {
  const node = document.createElement(tag);
  if (text !== undefined && text !== null) {
    node.textContent = text;
  }
  Object.entries(attributes).forEach(([k, v]) => node.setAttribute(k, v));
  return node;
}

/** The incident's date as precise as it is known: a moment, a day, the week or the month it began in. */
export function when(p) {
  const start = p.occurred_at || '';
  const day = start.slice(0, 10);
  const text = {
    exact: `${day} ${start.slice(11, 16)} UTC`,
    day: day,
    week: `week of ${day}`,
    month: day.slice(0, 7),
  }[p.time_precision] || day;
  const until = p.occurred_until ? ` to ${p.occurred_until.slice(0, 10)}` : '';
  return `${text}${until} (${p.time_precision || 'unknown'} precision)`;
}

function entry(feature) {
  const p = feature.properties;
  const box = element('div', null, {class: 'entry', 'data-id': String(feature.id)});
  box.append(element('h3', p.title));
  const list = element('dl');
  const rows = [
    ['When', when(p)],
    ['Category', [LABELS[p.category] || p.category, p.sub_category].filter(Boolean).join(' / ')],
    ['Fatalities', p.fatalities === null || p.fatalities === undefined ? 'not reported' : String(p.fatalities)],
    ['Actors', (p.actors || []).join('; ') || null],
    ['Place', [p.location_name, p.admin2, p.admin1].filter(Boolean).join(', ') || null],
  ];
  for (const [label, value] of rows) {
    if (value) {
      list.append(element('dt', label), element('dd', value));
    }
  }
  const sources = element('dd');
  (p.sources || []).forEach((s, i) => {
    if (i > 0) {
      sources.append(', ');
    }
    const safe = /^https?:\/\//i.test(s.url || '');
    sources.append(safe ? element('a', s.name, {href: s.url, target: '_blank', rel: 'noopener noreferrer'})
      : element('span', s.name));
  });
  if ((p.sources || []).length) {
    list.append(element('dt', 'Sources'), sources);
  }
  box.append(list);
  return box;
}

/** The popup's content for {@code features} (GeoJSON Features of the items endpoint). */
export function popupContent(features) {
  const root = element('div', null, {class: 'popup'});
  if (features.length > 1) {
    root.append(element('p', `${features.length} incidents here`));
  }
  const list = element('div', null, {class: 'more'});
  features.forEach(f => list.append(entry(f)));
  root.append(list);
  return root;
}
