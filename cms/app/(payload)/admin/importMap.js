import { OfficialRegionField as OfficialRegionField_c577ad82e2408018ec10e28615800bf1 } from '../../../components/OfficialRegion/index.tsx'
import { RscEntryLexicalCell as RscEntryLexicalCell_44fe37237e0ebf4470c9990d8cb7b07e } from '@payloadcms/richtext-lexical/rsc'
import { RscEntryLexicalField as RscEntryLexicalField_44fe37237e0ebf4470c9990d8cb7b07e } from '@payloadcms/richtext-lexical/rsc'
import { LexicalDiffComponent as LexicalDiffComponent_44fe37237e0ebf4470c9990d8cb7b07e } from '@payloadcms/richtext-lexical/rsc'
import { InlineToolbarFeatureClient as InlineToolbarFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { HorizontalRuleFeatureClient as HorizontalRuleFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { UploadFeatureClient as UploadFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { BlockquoteFeatureClient as BlockquoteFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { RelationshipFeatureClient as RelationshipFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { LinkFeatureClient as LinkFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { ChecklistFeatureClient as ChecklistFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { OrderedListFeatureClient as OrderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { UnorderedListFeatureClient as UnorderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { IndentFeatureClient as IndentFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { AlignFeatureClient as AlignFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { HeadingFeatureClient as HeadingFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { ParagraphFeatureClient as ParagraphFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { InlineCodeFeatureClient as InlineCodeFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { SuperscriptFeatureClient as SuperscriptFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { SubscriptFeatureClient as SubscriptFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { StrikethroughFeatureClient as StrikethroughFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { UnderlineFeatureClient as UnderlineFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { BoldFeatureClient as BoldFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { ItalicFeatureClient as ItalicFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { MonthCell as MonthCell_dbd16024a8c20ff2465fd30db9b1fe2f } from '../../../components/MonthCell/index.tsx'
import { InstrumentTools as InstrumentTools_21b509de7881f69d20dd9e7c4ed5f48a } from '../../../components/InstrumentTools/index.tsx'
import { InstrumentImport as InstrumentImport_24165a1b0b61380d8a87a9bcbc8c1f96 } from '../../../components/InstrumentTools/ImportPanel.tsx'
import { DayField as DayField_81e6d75e279f63577ec889d8b3722ef9 } from '../../../components/DayField/index.tsx'
import { StatusField as StatusField_68b2fdbbc26b1a305413a967a7e1404c } from '../../../components/ReportEdit/StatusField.tsx'
import { ReportTrail as ReportTrail_1bd670b174874562edda4bfca456015a } from '../../../components/ReportEdit/ReportTrail.tsx'
import { ReviewQueue as ReviewQueue_43f0d8ad6dc9993fc21786ab8591a9da } from '../../../components/ReviewWorkspace/ReviewQueue.tsx'
import { ReportEditView as ReportEditView_af37959ffa4822d4052db6e7c45668c4 } from '../../../components/ReportEdit/EditView.tsx'
import { ReportGuide as ReportGuide_53306ad85e5d48de3098d037c23269aa } from '../../../components/ReportGuide/index.tsx'
import { ReviewWorkspace as ReviewWorkspace_0936c025153716f3467acf7c86f40a9d } from '../../../components/ReviewWorkspace/index.tsx'
import { JsonView as JsonView_52bbf54bff0479119cef16b22793b37d } from '../../../components/JsonView/index.tsx'
import { LocalTimeCell as LocalTimeCell_d2b34b877e7514985a6220bb671de599 } from '../../../components/LocalTime/index.tsx'
import { LocalTimeField as LocalTimeField_d2b34b877e7514985a6220bb671de599 } from '../../../components/LocalTime/index.tsx'
import { Icon as Icon_880a2888cf22263b1a75f4f0fe1347eb } from '../../../components/Brand/Icon.tsx'
import { Logo as Logo_e7a0045bfbdd6357f8be64e42932942f } from '../../../components/Brand/Logo.tsx'
import { LanguageSwitch as LanguageSwitch_8a27bc939c01893ee902a5f6fa95b125 } from '../../../components/Brand/LanguageSwitch.tsx'
import { DashboardNavLink as DashboardNavLink_5315d6198f62cb558dcf94412aa49364 } from '../../../components/SecretariatDashboard/NavLink.tsx'
import { StartNavLink as StartNavLink_58040d06ea28b2d4231b87173831e5ff } from '../../../components/StartPage/NavLink.tsx'
import { S3ClientUploadHandler as S3ClientUploadHandler_f97aa6c64367fa259c5bc0567239ef24 } from '@payloadcms/storage-s3/client'
import { StartPage as StartPage_90f4a0b2ff11c8b3d0d6bd3c9efe3195 } from '../../../components/StartPage/index.tsx'
import { SecretariatDashboard as SecretariatDashboard_d7759e871a4689965a07d88670531ea0 } from '../../../components/SecretariatDashboard/index.tsx'
import { CollectionCards as CollectionCards_f9c02e79a4aed9a3924487c0cd4cafb1 } from '@payloadcms/next/rsc'

/** @type import('payload').ImportMap */
export const importMap = {
  "/components/OfficialRegion/index.tsx#OfficialRegionField": OfficialRegionField_c577ad82e2408018ec10e28615800bf1,
  "@payloadcms/richtext-lexical/rsc#RscEntryLexicalCell": RscEntryLexicalCell_44fe37237e0ebf4470c9990d8cb7b07e,
  "@payloadcms/richtext-lexical/rsc#RscEntryLexicalField": RscEntryLexicalField_44fe37237e0ebf4470c9990d8cb7b07e,
  "@payloadcms/richtext-lexical/rsc#LexicalDiffComponent": LexicalDiffComponent_44fe37237e0ebf4470c9990d8cb7b07e,
  "@payloadcms/richtext-lexical/client#InlineToolbarFeatureClient": InlineToolbarFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#HorizontalRuleFeatureClient": HorizontalRuleFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#UploadFeatureClient": UploadFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#BlockquoteFeatureClient": BlockquoteFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#RelationshipFeatureClient": RelationshipFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#LinkFeatureClient": LinkFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#ChecklistFeatureClient": ChecklistFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#OrderedListFeatureClient": OrderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#UnorderedListFeatureClient": UnorderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#IndentFeatureClient": IndentFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#AlignFeatureClient": AlignFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#HeadingFeatureClient": HeadingFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#ParagraphFeatureClient": ParagraphFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#InlineCodeFeatureClient": InlineCodeFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#SuperscriptFeatureClient": SuperscriptFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#SubscriptFeatureClient": SubscriptFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#StrikethroughFeatureClient": StrikethroughFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#UnderlineFeatureClient": UnderlineFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#BoldFeatureClient": BoldFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#ItalicFeatureClient": ItalicFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "/components/MonthCell/index.tsx#MonthCell": MonthCell_dbd16024a8c20ff2465fd30db9b1fe2f,
  "/components/InstrumentTools/index.tsx#InstrumentTools": InstrumentTools_21b509de7881f69d20dd9e7c4ed5f48a,
  "/components/InstrumentTools/ImportPanel.tsx#InstrumentImport": InstrumentImport_24165a1b0b61380d8a87a9bcbc8c1f96,
  "/components/DayField/index.tsx#DayField": DayField_81e6d75e279f63577ec889d8b3722ef9,
  "/components/ReportEdit/StatusField.tsx#StatusField": StatusField_68b2fdbbc26b1a305413a967a7e1404c,
  "/components/ReportEdit/ReportTrail.tsx#ReportTrail": ReportTrail_1bd670b174874562edda4bfca456015a,
  "/components/ReviewWorkspace/ReviewQueue.tsx#ReviewQueue": ReviewQueue_43f0d8ad6dc9993fc21786ab8591a9da,
  "/components/ReportEdit/EditView.tsx#ReportEditView": ReportEditView_af37959ffa4822d4052db6e7c45668c4,
  "/components/ReportGuide/index.tsx#ReportGuide": ReportGuide_53306ad85e5d48de3098d037c23269aa,
  "/components/ReviewWorkspace/index.tsx#ReviewWorkspace": ReviewWorkspace_0936c025153716f3467acf7c86f40a9d,
  "/components/JsonView/index.tsx#JsonView": JsonView_52bbf54bff0479119cef16b22793b37d,
  "/components/LocalTime/index.tsx#LocalTimeCell": LocalTimeCell_d2b34b877e7514985a6220bb671de599,
  "/components/LocalTime/index.tsx#LocalTimeField": LocalTimeField_d2b34b877e7514985a6220bb671de599,
  "/components/Brand/Icon.tsx#Icon": Icon_880a2888cf22263b1a75f4f0fe1347eb,
  "/components/Brand/Logo.tsx#Logo": Logo_e7a0045bfbdd6357f8be64e42932942f,
  "/components/Brand/LanguageSwitch.tsx#LanguageSwitch": LanguageSwitch_8a27bc939c01893ee902a5f6fa95b125,
  "/components/SecretariatDashboard/NavLink.tsx#DashboardNavLink": DashboardNavLink_5315d6198f62cb558dcf94412aa49364,
  "/components/StartPage/NavLink.tsx#StartNavLink": StartNavLink_58040d06ea28b2d4231b87173831e5ff,
  "@payloadcms/storage-s3/client#S3ClientUploadHandler": S3ClientUploadHandler_f97aa6c64367fa259c5bc0567239ef24,
  "/components/StartPage/index.tsx#StartPage": StartPage_90f4a0b2ff11c8b3d0d6bd3c9efe3195,
  "/components/SecretariatDashboard/index.tsx#SecretariatDashboard": SecretariatDashboard_d7759e871a4689965a07d88670531ea0,
  "@payloadcms/next/rsc#CollectionCards": CollectionCards_f9c02e79a4aed9a3924487c0cd4cafb1
}
