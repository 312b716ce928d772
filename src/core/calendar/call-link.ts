// The video-call link of an invite: Google Meet, Zoom, Microsoft Teams or
// Webex, from the properties calendars put it in (Google's conference
// property, Teams' X-MICROSOFT one, LOCATION, URL, then the description).
// Only those providers' https links: anyone can send an invite, and its link
// becomes a Join Call button.

import type ICAL from 'ical.js';
import { callUrl } from './call-url';

type Component = InstanceType<typeof ICAL.Component>;

export function callLinkOf(vevent: Component): string | undefined {
  const value = (name: string): string => {
    const v = vevent.getFirstPropertyValue(name);
    return v === null || v === undefined ? '' : String(v);
  };
  return (
    callUrl(value('x-google-conference')) ??
    callUrl(value('x-microsoft-skypeteamsmeetingurl')) ??
    callUrl(value('x-microsoft-onlinemeetingconflink')) ??
    callUrl(value('location')) ??
    callUrl(value('url')) ??
    callUrl(value('description'))
  );
}
