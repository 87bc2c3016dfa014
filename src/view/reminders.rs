//! What Settings → Reminders and the offer after the first capture say, from what the
//! browser can do (found by feature detection in `crate::reminders`) and what the student
//! chose. Plain Rust, host-tested: every platform gets a true sentence.
//!
//! - Chromium with periodic background sync granted (an installed app on Android or a
//!   desktop): the switch, "Remind me each morning", and the hour.
//! - Chromium where it is not granted (not installed): "Install Followup to get
//!   reminders".
//! - An iPhone or iPad home-screen app: no background sync, but once notifications are
//!   allowed the icon's badge shows the count the app already sets.
//! - Safari on an iPhone or iPad, not installed: add it to the Home Screen first.
//! - Any other browser (Safari on a Mac, Firefox): it cannot wake the app; the calendar.

use crate::domain::reminders::LAST_HOUR;

/// The notification permission, as `Notification.permission` names it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Permission {
    #[default]
    Default,
    Granted,
    Denied,
}

impl Permission {
    pub fn from_name(name: &str) -> Permission {
        match name {
            "granted" => Permission::Granted,
            "denied" => Permission::Denied,
            _ => Permission::Default,
        }
    }
}

/// What this browser offers (all found by feature detection, none guessed from the name
/// except `ios`, which only picks the install advice).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Capabilities {
    /// A service worker is registered for the app.
    pub worker: bool,
    /// `ServiceWorkerRegistration.periodicSync` exists (Chromium).
    pub periodic_sync: bool,
    /// The `periodic-background-sync` permission is granted (Chromium grants it to
    /// installed apps).
    pub periodic_granted: bool,
    /// Our periodic sync is registered now.
    pub registered: bool,
    /// The Notification API exists.
    pub notifications: bool,
    pub permission: Permission,
    /// `navigator.setAppBadge` exists.
    pub badge: bool,
    /// Opened as an installed app.
    pub standalone: bool,
    pub ios: bool,
}

/// What Settings offers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Offer {
    /// The switch and the hour.
    Morning,
    /// Notifications are blocked for the site: how to allow them.
    Blocked,
    /// Periodic sync exists but is not granted: install the app.
    Install,
    /// An iPhone home-screen app: allow notifications for the icon's count.
    IosAllow,
    /// An iPhone home-screen app with notifications allowed: the count shows.
    IosBadge,
    /// Safari on an iPhone, not installed.
    IosInstall,
    /// No background wake-up here (Safari on a Mac, Firefox) or no offline support yet.
    Unsupported,
}

/// What Settings offers on a browser that can do `c`.
pub fn offer(c: &Capabilities) -> Offer {
    if c.periodic_sync && c.notifications {
        if c.permission == Permission::Denied {
            Offer::Blocked
        } else if c.periodic_granted {
            Offer::Morning
        } else {
            Offer::Install
        }
    } else if c.ios && !c.standalone {
        Offer::IosInstall
    } else if c.ios && c.notifications && c.badge {
        match c.permission {
            Permission::Granted => Offer::IosBadge,
            _ => Offer::IosAllow,
        }
    } else {
        Offer::Unsupported
    }
}

/// The sentence under the switch once reminders are on: "Each morning from 8:00, a
/// notification when follow-ups are due. Your phone decides the exact time."
pub fn what_happens(hour: u8) -> String {
    format!(
        "Each morning from {hour}:00, a notification when follow-ups are due. Your phone \
         decides the exact time; nothing is shown after {LAST_HOUR}:00, nor on a day with \
         nothing due."
    )
}

/// An hour as the menu shows it: "8:00".
pub fn hour_label(hour: u8) -> String {
    format!("{hour}:00")
}

/// What Settings says for an offer other than the switch.
pub fn explanation(offer: Offer) -> &'static str {
    match offer {
        Offer::Morning => {
            "Followup can show a notification on the mornings a follow-up is due, even \
             when it is closed and you are offline."
        }
        Offer::Blocked => {
            "Notifications are blocked for Followup. Allow them in your browser's site \
             settings (the icon left of the address, or Settings → Apps → Followup → \
             Notifications), then come back here."
        }
        Offer::Install => {
            "Install Followup to get reminders: this browser wakes up installed apps only. \
             Use Install app in the browser's menu (or Add to Home screen), then open \
             Followup from there."
        }
        Offer::IosAllow => {
            "Allow notifications to see the count on Followup's icon. Your iPhone can't \
             wake Followup in the background, so the count is updated each time you open \
             it."
        }
        Offer::IosBadge => {
            "Notifications are allowed: Followup's icon shows how many people have a \
             follow-up due, updated each time you open it. Your iPhone can't wake \
             Followup in the background for a morning notification."
        }
        Offer::IosInstall => {
            "Add Followup to your Home Screen to see the count of follow-ups due on its \
             icon: tap Share, then Add to Home Screen, and open it from there."
        }
        Offer::Unsupported => {
            "This browser can't wake Followup in the background, so it can't remind you \
             on its own."
        }
    }
}

/// Why turning reminders on stopped at the permission.
pub fn refused(permission: Permission) -> &'static str {
    match permission {
        Permission::Denied => {
            "Notifications are blocked for Followup, so reminders stay off. Allow them in \
             your browser's site settings, then try again."
        }
        _ => "Reminders need notifications: allow them when your browser asks.",
    }
}

/// The offer after the first capture is shown only where the switch works and the
/// student has not answered it.
pub fn offer_card(c: &Capabilities, offered: bool, on: bool) -> bool {
    !offered && !on && offer(c) == Offer::Morning
}

#[cfg(test)]
mod tests {
    use super::*;

    fn caps() -> Capabilities {
        Capabilities {
            worker: true,
            notifications: true,
            ..Capabilities::default()
        }
    }

    #[test]
    fn every_browser_gets_what_it_can_do() {
        let chromium_installed = Capabilities {
            periodic_sync: true,
            periodic_granted: true,
            badge: true,
            standalone: true,
            ..caps()
        };
        let chromium_tab = Capabilities {
            periodic_granted: false,
            standalone: false,
            ..chromium_installed
        };
        let blocked = Capabilities {
            permission: Permission::Denied,
            ..chromium_installed
        };
        let iphone_home = Capabilities {
            ios: true,
            standalone: true,
            badge: true,
            ..caps()
        };
        let iphone_allowed = Capabilities {
            permission: Permission::Granted,
            ..iphone_home
        };
        let iphone_safari = Capabilities {
            ios: true,
            notifications: false,
            ..Capabilities::default()
        };
        let firefox = caps();
        let mac_safari = Capabilities {
            badge: true,
            ..caps()
        };
        let table = [
            (chromium_installed, Offer::Morning),
            (chromium_tab, Offer::Install),
            (blocked, Offer::Blocked),
            (iphone_home, Offer::IosAllow),
            (iphone_allowed, Offer::IosBadge),
            (iphone_safari, Offer::IosInstall),
            (firefox, Offer::Unsupported),
            (mac_safari, Offer::Unsupported),
            (Capabilities::default(), Offer::Unsupported),
        ];
        for (c, expected) in table {
            assert_eq!(offer(&c), expected, "{c:?}");
        }
        assert!(explanation(Offer::Install).starts_with("Install Followup to get reminders"));
        assert!(explanation(Offer::IosAllow)
            .starts_with("Allow notifications to see the count on Followup's icon"));
    }

    #[test]
    fn the_offer_after_a_capture_is_made_once_and_only_where_it_works() {
        let works = Capabilities {
            periodic_sync: true,
            periodic_granted: true,
            ..caps()
        };
        assert!(offer_card(&works, false, false));
        assert!(!offer_card(&works, true, false), "answered");
        assert!(!offer_card(&works, false, true), "already on");
        assert!(!offer_card(&caps(), false, false), "no background sync");
    }

    #[test]
    fn the_words_say_when() {
        assert_eq!(
            what_happens(8),
            "Each morning from 8:00, a notification when follow-ups are due. Your phone \
             decides the exact time; nothing is shown after 21:00, nor on a day with \
             nothing due."
        );
        assert_eq!(hour_label(6), "6:00");
        assert_eq!(Permission::from_name("granted"), Permission::Granted);
        assert_eq!(Permission::from_name("denied"), Permission::Denied);
        assert_eq!(Permission::from_name("default"), Permission::Default);
        assert!(refused(Permission::Denied).contains("blocked"));
    }
}
