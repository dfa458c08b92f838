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
  "notices.secondAddress.added.subject": "أُضيف عنوان ثانٍ إلى حسابك",
  "notices.secondAddress.added.what": "أُضيف عنوان ثانٍ لرسائل الأمان الخاصة بحسابك في {when}، من {from}.",
  "notices.secondAddress.removed.subject": "أُزيل العنوان الثاني من حسابك",
  "notices.secondAddress.removed.what": "أُزيل العنوان الثاني لرسائل الأمان الخاصة بحسابك في {when}، من {from}.",
  "notices.secondAddress.address": "العنوان: {address}",
  "notices.secondAddress.notYou":
    "إن لم تكن أنت، فإن أحدًا يملك كلمة مرورك: أعد تعيينها فورًا من {url}، ثم راجع العناوين في صفحة حسابك.",
  "notices.secondAddress.verify.subject": "أكّد عنوانك الثاني",
  "notices.secondAddress.verify.intro":
    "طلب أحدهم (نأمل أن تكون أنت) إضافة هذا العنوان إلى حساب كعنوان ثانٍ لرسائل الأمان الخاصة به.",
  "notices.secondAddress.verify.open": "لتأكيده، افتح هذا الرابط خلال يوم:",
  "notices.secondAddress.verify.ignore": "إن لم تطلب ذلك، فتجاهل هذه الرسالة: لن يتغير شيء.",
  "notices.secondAddress.heading": "العنوان الثاني",
  "notices.secondAddress.none":
    "أضف عنوانًا ثانيًا: تصل إليه كل رسائل الأمان أيضًا، ويمكن طلب إعادة تعيين كلمة المرور منه.",
  "notices.secondAddress.current": "تصل رسائل الأمان أيضًا إلى {address}، ويمكن طلب إعادة تعيين كلمة المرور منه.",
  "notices.secondAddress.addressLabel": "العنوان الثاني",
  "notices.secondAddress.passwordLabel": "كلمة المرور الحالية",
  "notices.secondAddress.add": "إرسال رابط التأكيد",
  "notices.secondAddress.remove": "إزالة هذا العنوان",
  "notices.secondAddress.sent": "أرسلنا رابط تأكيد إلى {address}. يُضاف العنوان بمجرد فتح الرابط.",
  "notices.secondAddress.removedDone": "أُزيل العنوان الثاني.",
  "notices.secondAddress.same": "هذا هو عنوان حسابك بالفعل.",
  "notices.secondAddress.confirmText": "هل تريد إضافة {address} كعنوان ثانٍ لحسابك؟",
  "notices.secondAddress.confirmButton": "تأكيد",
  "notices.secondAddress.confirmed": "أصبح {address} العنوان الثاني لحسابك.",
  "notices.secondAddress.deadLink": "هذا الرابط غير صالح أو انتهت صلاحيته. اطلب رابطًا جديدًا من صفحة حسابك.",
  "notices.secondAddress.taken": "لا يمكن استخدام هذا العنوان كعنوان ثانٍ.",
  "notices.event.secondRequested": "طُلب عنوان ثانٍ (أُرسل الرابط)",
  "notices.event.secondAdded": "أُضيف عنوان ثانٍ",
  "notices.event.secondRemoved": "أُزيل العنوان الثاني",
};
