/** The security notices beyond password and two-factor changes (a recovery code used, a new device), and their switch on /account. */
import type { notices as english } from "../en/notices";
import type { Section } from "../types";

export const notices: Section<typeof english, "ar"> = {
  "notices.recoveryCode.subject": "استُخدم رمز استرداد",
  "notices.recoveryCode.what": "استُخدم رمز استرداد في حسابك في {when}، من {from}.",
  "notices.recoveryCode.left": {
    zero: "لم يتبقَّ أي رمز استرداد ({count}).",
    one: "تبقّى رمز استرداد واحد ({count}).",
    two: "تبقّى رمزا استرداد ({count}).",
    few: "تبقّت {count} رموز استرداد.",
    many: "تبقّى {count} رمزَ استرداد.",
    other: "تبقّى {count} رمز استرداد.",
  },
  "notices.recoveryCode.makeNew": "أنشئ رموزًا جديدة قريبًا من صفحة حسابك قبل أن تنفد: {url}",
  "notices.recoveryCode.notYou":
    "إن لم تكن أنت، فإن أحدًا يملك كلمة مرورك ورمز استرداد: أعد تعيين كلمة المرور فورًا من {url}، ثم أنشئ رموز استرداد جديدة.",
  "notices.newDevice.subject": "تسجيل دخول من جهاز جديد",
  "notices.newDevice.what":
    "سُجّل الدخول إلى حسابك في {when}، من {from}: من متصفح لم يسجّل الدخول من قبل، وعلى شبكة لم يستخدمها حسابك منذ 30 يومًا.",
  "notices.newDevice.ifYou": "إن كنت أنت، فلا شيء عليك فعله. يمكنك إيقاف هذه الرسائل من {url}",
  "notices.newDevice.notYou":
    "إن لم تكن أنت، فإن أحدًا يملك كلمة مرورك: أعد تعيينها فورًا من {url}. إعادة التعيين تُخرج كل الأجهزة.",
  "notices.account.heading": "تسجيلات الدخول من أجهزة جديدة",
  "notices.account.on":
    "نراسلك عندما يُسجَّل الدخول إلى حسابك من متصفح لم يسجّل الدخول من قبل، على شبكة لم يستخدمها منذ 30 يومًا.",
  "notices.account.off": "رسائل تسجيل الدخول من أجهزة جديدة متوقفة.",
  "notices.account.turnOff": "إيقاف هذه الرسائل",
  "notices.account.turnOn": "تشغيل هذه الرسائل",
  "notices.account.doneOn": "رسائل تسجيل الدخول من أجهزة جديدة مفعّلة.",
  "notices.account.doneOff": "رسائل تسجيل الدخول من أجهزة جديدة متوقفة.",
  "notices.event.newDevice": "تسجيل دخول من جهاز جديد (أُرسل بريد)",
  "notices.event.alertsOn": "شُغّلت رسائل الأجهزة الجديدة",
  "notices.event.alertsOff": "أُوقفت رسائل الأجهزة الجديدة",
};
