import type { BusinessHours, TimeRange } from '../../api/types';
import { errorsAt, type FieldError } from '../common/errors';
import { FieldMessages } from '../common/FieldMessages';
import { WEEKDAYS, type Weekday } from './validation';

const DEFAULT_RANGE: TimeRange = { from: '09:00', to: '17:00' };

/** The hours a new schedule starts with: weekdays nine to five in the browser's time zone. */
export function defaultHours(): BusinessHours {
  const weekday = (day: Weekday) => (day === 'saturday' || day === 'sunday' ? [] : [{ ...DEFAULT_RANGE }]);
  return {
    time_zone: Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC',
    days: Object.fromEntries(WEEKDAYS.map((day) => [day, weekday(day)])),
  };
}

const zones = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];

/** Business hours: always open (none), or opening ranges per weekday in one time zone. */
export function BusinessHoursEditor(props: {
  value: BusinessHours | null | undefined;
  errors: FieldError[];
  onChange: (value: BusinessHours | null) => void;
}) {
  const { value, errors, onChange } = props;
  const setDay = (day: Weekday, ranges: TimeRange[]) => value && onChange({ ...value, days: { ...value.days, [day]: ranges } });
  return (
    <div className="settings-hours">
      <label className="settings-choice settings-choice--block">
        <input type="checkbox" checked={!!value} onChange={(event) => onChange(event.target.checked ? defaultHours() : null)} />
        Opening hours (otherwise always open; outside them visitors see the away message)
      </label>
      {value && (
        <>
          <label className="settings-label" htmlFor="widget-time-zone">
            Time zone
          </label>
          <input
            id="widget-time-zone"
            className="settings-input settings-input--short"
            list="widget-time-zones"
            value={value.time_zone}
            aria-invalid={errorsAt(errors, 'widget.business_hours.time_zone').length > 0}
            aria-describedby="widget-time-zone-errors"
            onChange={(event) => onChange({ ...value, time_zone: event.target.value.trim() })}
          />
          <datalist id="widget-time-zones">
            {zones.map((zone) => (
              <option key={zone} value={zone} />
            ))}
          </datalist>
          <FieldMessages id="widget-time-zone-errors" errors={errorsAt(errors, 'widget.business_hours.time_zone')} />
          {WEEKDAYS.map((day) => {
            const ranges = value.days[day] ?? [];
            const dayErrors = errorsAt(errors, `widget.business_hours.days.${day}`);
            return (
              <div key={day} className="settings-hours__day" role="group" aria-label={capitalised(day)}>
                <span className="settings-hours__name">{capitalised(day)}</span>
                <div className="settings-hours__ranges">
                  {ranges.length === 0 && <span className="settings-muted">Closed</span>}
                  {ranges.map((range, index) => (
                    <span key={index} className="settings-row">
                      <input
                        aria-label={`${capitalised(day)} opens`}
                        className="settings-input settings-input--time"
                        placeholder="09:00"
                        value={range.from}
                        onChange={(event) => setDay(day, ranges.map((r, at) => (at === index ? { ...r, from: event.target.value.trim() } : r)))}
                      />
                      –
                      <input
                        aria-label={`${capitalised(day)} closes`}
                        className="settings-input settings-input--time"
                        placeholder="17:00"
                        value={range.to}
                        onChange={(event) => setDay(day, ranges.map((r, at) => (at === index ? { ...r, to: event.target.value.trim() } : r)))}
                      />
                      <button
                        type="button"
                        className="settings-button settings-button--small"
                        aria-label={`Remove ${capitalised(day)} ${range.from}–${range.to}`}
                        onClick={() => setDay(day, ranges.filter((_, at) => at !== index))}
                      >
                        Remove
                      </button>
                    </span>
                  ))}
                  {ranges.length < 6 && (
                    <button
                      type="button"
                      className="settings-button settings-button--small"
                      aria-label={`Add hours on ${capitalised(day)}`}
                      onClick={() => setDay(day, [...ranges, { ...DEFAULT_RANGE }])}
                    >
                      Add hours
                    </button>
                  )}
                  <FieldMessages id={`widget-hours-${day}-errors`} errors={dayErrors} />
                </div>
              </div>
            );
          })}
        </>
      )}
    </div>
  );
}

function capitalised(day: string): string {
  return day.charAt(0).toUpperCase() + day.slice(1);
}
