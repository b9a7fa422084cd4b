-- Whether a resource code is one of need_offer_resource.
SELECT EXISTS (SELECT FROM need_offer_resource WHERE code = :resource)
