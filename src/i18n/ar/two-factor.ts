/** Two-factor sign-in: set-up, the code step, recovery codes. */
import type { twoFactor as english } from "../en/two-factor";
import type { Section } from "../types";

export const twoFactor: Section<typeof english, "ar"> = {
  "twoFactor.title": "المصادقة الثنائية",
  "twoFactor.stepSignIn": "أدخل الرمز المكوّن من 6 أرقام من تطبيق المصادقة لإكمال تسجيل الدخول.",
  "twoFactor.stepReset":
    "يستخدم هذا الحساب المصادقة الثنائية: أدخل الرمز المكوّن من 6 أرقام من تطبيق المصادقة قبل اختيار كلمة مرور جديدة.",
  "twoFactor.codeLabel": "رمز المصادقة",
  "twoFactor.codeHint": "ليس معك هاتفك؟ أدخل أحد رموز الاسترداد بدلًا من ذلك.",
  "twoFactor.verify": "تحقّق",
  "twoFactor.continue": "متابعة",
  "twoFactor.lostLink": "هل فقدت جهازك ورموز الاسترداد؟",
  "twoFactor.enterCode": "أدخل الرمز من التطبيق.",
  "twoFactor.notYourPassword": "هذه ليست كلمة مرورك.",
  "twoFactor.setup.title": "إعداد المصادقة الثنائية",
  "twoFactor.setup.scan":
    "امسح رمز QR هذا ضوئيًا باستخدام تطبيق مصادقة (مثل 1Password أو Google Authenticator أو Authy أو Microsoft Authenticator).",
  "twoFactor.setup.qrAlt": "رمز QR لتطبيق المصادقة",
  "twoFactor.setup.typeKey": "أو اكتب مفتاح الإعداد هذا في التطبيق: {key}",
  "twoFactor.setup.code": "الرمز المكوّن من 6 أرقام من التطبيق",
  "twoFactor.yourPassword": "كلمة مرورك",
  "twoFactor.setup.submit": "تفعيل",
  "twoFactor.setup.cancel": "إلغاء",
  "twoFactor.setup.codeUsed": "استُخدم هذا الرمز قبل لحظات. انتظر الرمز التالي في التطبيق، ثم أدخله.",
  "twoFactor.setup.codeWrong": "هذا الرمز غير صحيح. أدخل الرمز الحالي المكوّن من 6 أرقام الظاهر في التطبيق.",
  "twoFactor.codes.title": "رموز الاسترداد",
  "twoFactor.codes.enabledHeading": "تم تفعيل المصادقة الثنائية",
  "twoFactor.codes.regeneratedHeading": "رموز استرداد جديدة",
  "twoFactor.codes.enabledNotice": "من الآن فصاعدًا، سيُطلب منك إدخال رمز من التطبيق عند تسجيل الدخول.",
  "twoFactor.codes.regeneratedNotice": "لم تعد رموز الاسترداد القديمة صالحة.",
  "twoFactor.codes.keep":
    "احفظ رموز الاسترداد هذه في مكان آمن. يتيح لك كل رمز منها تسجيل الدخول مرة واحدة إذا فقدت هاتفك. هذه هي المرة الوحيدة التي تظهر فيها هذه الرموز.",
  "twoFactor.codes.copy": "نسخ",
  "twoFactor.codes.download": "تنزيل كملف نصي",
  "twoFactor.codes.fileHeading": "رموز الاسترداد (يعمل كل رمز مرة واحدة)",
  "twoFactor.codes.back": "الرجوع إلى حسابك",
  "twoFactor.lost.title": "هل فقدت وسيلة التحقق الثانية؟",
  "twoFactor.lost.heading": "هل فقدت جهازك ورموز الاسترداد؟",
  "twoFactor.lost.intro":
    "بدون تطبيق المصادقة أو رمز استرداد، لا يمكن فتح هذا الحساب هنا، ولا حتى بإعادة تعيين كلمة المرور: فهذا ما يحافظ على أمانه إذا تمكّن شخص آخر من قراءة بريدك الإلكتروني.",
  "twoFactor.lost.otherDevice":
    "إذا كان التطبيق لا يزال لديك على جهاز آخر، أو كانت لديك نسخة احتياطية منه، فاستخدم الرمز الذي يعرضه.",
  "twoFactor.lost.savedCodes": "ابحث عن رموز الاسترداد التي حفظتها عند تفعيل المصادقة الثنائية.",
  "twoFactor.lost.support":
    "وإلا، فتواصل مع فريق الدعم لهذه الخدمة من عنوان البريد الإلكتروني المرتبط بحسابك. بعد التحقق من هويتك، يمكن للفريق إيقاف المصادقة الثنائية لتتمكّن من تسجيل الدخول بكلمة المرور ثم إعدادها من جديد.",
  "twoFactor.lost.back": "الرجوع إلى تسجيل الدخول",
  "twoFactor.section.off":
    "غير مفعّلة. عند تفعيلها، سيتطلّب تسجيل الدخول وإعادة تعيين كلمة المرور أيضًا إدخال رمز من تطبيق مصادقة.",
  "twoFactor.section.setUp": "إعداد",
  "twoFactor.section.on": "مفعّلة منذ {since}.",
  "twoFactor.section.codesLeft": {
    zero: "رموز الاسترداد المتبقية: {count} من {total}.",
    one: "رموز الاسترداد المتبقية: {count} من {total}.",
    two: "رموز الاسترداد المتبقية: {count} من {total}.",
    few: "رموز الاسترداد المتبقية: {count} من {total}.",
    many: "رموز الاسترداد المتبقية: {count} من {total}.",
    other: "رموز الاسترداد المتبقية: {count} من {total}.",
  },
  "twoFactor.section.appCode": "الرمز من التطبيق",
  "twoFactor.section.newCodes": "إنشاء رموز استرداد جديدة",
  "twoFactor.section.appOrRecoveryCode": "الرمز من التطبيق، أو رمز استرداد",
  "twoFactor.section.turnOff": "إيقاف",
};
