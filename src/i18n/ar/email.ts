/** The emails: subjects, text and HTML parts (the same words in both; links and codes are placeholders). */
import type { email as english } from "../en/email";
import type { Section } from "../types";

export const email: Section<typeof english, "ar"> = {
  "email.from": "{ip} ({device})",
  "email.unknownAddress": "عنوان غير معروف",
  "email.device.unknown": "جهاز غير معروف",
  "email.device.unknownBrowser": "متصفح غير معروف",
  "email.device.on": "{browser} على {system}",
  "email.reset.subject": "إعادة تعيين كلمة المرور",
  "email.reset.intro": "طلب شخص ما (نأمل أن تكون أنت) إعادة تعيين كلمة مرور حسابك.",
  "email.reset.openLink": "لاختيار كلمة مرور جديدة، افتح هذا الرابط:",
  "email.reset.button": "إعادة تعيين كلمة المرور",
  "email.reset.paste": "أو الصق هذا الرابط في المتصفح:",
  "email.reset.otherDevice": "هل تريد إعادة التعيين على جهاز آخر؟ أدخل هذا الرمز في {url}:",
  "email.reset.expiry":
    "يعمل الرابط والرمز مرة واحدة (واستخدام أيٍّ منهما يُبطل الاثنين معًا)، ومدة صلاحيتهما {lifetime} من وقت الطلب.",
  "email.reset.requested": "تم الطلب في {when}، من {from}.",
  "email.reset.expired": "إذا انتهت صلاحية الرابط، فاطلب رابطًا جديدًا من {url}",
  "email.reset.expiredLink": "إذا انتهت صلاحية الرابط، {link}.",
  "email.reset.askNew": "فاطلب رابطًا جديدًا",
  "email.reset.ignore": "إذا لم تطلب ذلك، فتجاهل هذه الرسالة: ستبقى كلمة مرورك كما هي.",
  "email.changed.subject": "تم تغيير كلمة مرورك",
  "email.changed.what": "تم تغيير كلمة مرور حسابك في {when}، من {from}.",
  "email.changed.keptSession":
    "تم تسجيل الخروج من جميع الأجهزة الأخرى التي كانت مسجَّلة الدخول، أما الجهاز الذي تم التغيير منه فيبقى مسجَّل الدخول.",
  "email.changed.allSignedOut": "تم تسجيل الخروج من جميع الأجهزة التي كانت مسجَّلة الدخول.",
  "email.changed.notYou":
    "إذا لم تكن أنت من أجرى هذا التغيير، فأعد تعيين كلمة مرورك فورًا من {url} وتحقّق من أمان حساب بريدك الإلكتروني.",
  "email.changed.notYouLink": "إذا لم تكن أنت من أجرى هذا التغيير، {link} وتحقّق من أمان حساب بريدك الإلكتروني.",
  "email.changed.resetNow": "فأعد تعيين كلمة مرورك فورًا",
  "email.twoFactor.enabled.subject": "تم تفعيل المصادقة الثنائية",
  "email.twoFactor.enabled.what": "تم تفعيل المصادقة الثنائية لحسابك في {when}، من {from}.",
  "email.twoFactor.disabled.subject": "تم إيقاف المصادقة الثنائية",
  "email.twoFactor.disabled.what": "تم إيقاف المصادقة الثنائية لحسابك في {when}، من {from}.",
  "email.twoFactor.recovery_codes.subject": "رموز استرداد جديدة",
  "email.twoFactor.recovery_codes.what":
    "تم إنشاء رموز استرداد جديدة لحسابك في {when}، من {from}. ولم تعد الرموز القديمة صالحة.",
  "email.twoFactor.codes_locked.subject": "إدخال رموز مصادقة خاطئة في حسابك",
  "email.twoFactor.codes_locked.what":
    "في {when}، من {from}، سجّل شخص ما الدخول إلى حسابك باستخدام كلمة مرور الحساب، ثم أدخل 5 رموز مصادقة خاطئة، لذا سيرفض تسجيل الدخول الرموز لبعض الوقت (لمدة أطول في كل مرة يتكرر فيها ذلك).",
  "email.twoFactor.reset_codes_locked.subject": "إدخال رموز مصادقة خاطئة أثناء إعادة تعيين كلمة المرور",
  "email.twoFactor.reset_codes_locked.what":
    "في {when}، من {from}، فتح شخص ما إعادة تعيين كلمة مرور حسابك، ثم أدخل 5 رموز مصادقة خاطئة، لذا سترفض إعادة التعيين الرموز لبعض الوقت (لمدة أطول في كل مرة يتكرر فيها ذلك).",
  "email.twoFactor.warning":
    "إذا لم تكن أنت من فعل ذلك، فهذا يعني أن شخصًا آخر يعرف كلمة مرورك: أعد تعيينها فورًا من {url}.",
  "email.twoFactor.codes_locked.warning":
    "إذا لم تكن أنت من فعل ذلك، فشخص آخر يعرف كلمة مرورك. أعد تعيينها من {url}: تقبل إعادة التعيين حتى الآن رمزًا من تطبيقك أو رمز استرداد، وتُنهي هذا القفل.",
  "email.twoFactor.reset_codes_locked.warning":
    "إذا لم تكن أنت من فعل ذلك، فشخص آخر يستطيع قراءة بريدك: أمّن حساب بريدك أولًا. لا يزال تسجيل الدخول بكلمة المرور ورمز يعمل، ويمكنك تغيير كلمة المرور من صفحة حسابك.",
};
